// 访谈发布 API's part of /api/v1/openapi.json (docs/api.md "访谈发布").
#include "modules/zxft/web/event_api.hpp"

namespace zwgk::web {

const char* event_api_description() {
  return R"json({
  "paths": {
    "/api/v1/sites/{site}/events": {
      "get": {
        "summary": "在线访谈、新闻发布会、政策吹风会列表（预告、直播中、已结束；开始时间新的在前）",
        "parameters": [
          {"name": "site", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["online_interview", "press_conference", "policy_briefing"]}},
          {"name": "state", "in": "query", "schema": {"type": "string", "enum": ["announced", "live", "ended"]}},
          {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
          {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
        ],
        "responses": {
          "200": {"description": "活动列表", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventPage"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/sites/{site}/events/{id}": {
      "get": {
        "summary": "一场活动：嘉宾、解读的政策、图文直播/文字实录、已公开的网友提问和答复、图片和视频",
        "parameters": [
          {"name": "site", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}
        ],
        "responses": {
          "200": {"description": "活动", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventDetail"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    }
  },
  "components": {
    "schemas": {
      "EventCode": {"type": "object", "description": "代码和中文名称", "properties": {"code": {"type": "string"}, "label": {"type": "string"}}},
      "Event": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "url": {"type": "string", "description": "公开页面地址"},
          "kind": {"$ref": "#/components/schemas/EventCode"},
          "state": {"$ref": "#/components/schemas/EventCode"},
          "title": {"type": "string"},
          "summary": {"type": "string"},
          "place": {"type": "string"},
          "starts_at": {"type": "string", "format": "date-time", "nullable": true},
          "ends_at": {"type": "string", "format": "date-time", "nullable": true},
          "announced_at": {"type": "string", "format": "date-time", "nullable": true},
          "guests": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "post": {"type": "string"}, "principal": {"type": "boolean", "description": "是否部门主要负责人"}}}}
        }
      },
      "EventPage": {
        "type": "object",
        "properties": {
          "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}
        }
      },
      "EventDetail": {
        "allOf": [{"$ref": "#/components/schemas/Event"}, {
          "type": "object",
          "properties": {
            "department": {"type": "object", "nullable": true, "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
            "policies": {"type": "array", "items": {"type": "object", "properties": {
              "id": {"type": "integer"}, "url": {"type": "string"}, "title": {"type": "string"}, "doc_number": {"type": "string"},
              "interpretation": {"type": "object", "nullable": true, "properties": {"id": {"type": "integer"}, "url": {"type": "string"}, "title": {"type": "string"}}}}}},
            "entries": {"type": "array", "description": "图文直播（直播中）/文字实录（已结束）", "items": {"type": "object", "properties": {
              "id": {"type": "integer"}, "speaker": {"type": "string"}, "text": {"type": "string"},
              "at": {"type": "string", "format": "date-time"},
              "question": {"type": "object", "nullable": true, "properties": {"nickname": {"type": "string"}, "text": {"type": "string"}}},
              "image_url": {"type": "string", "nullable": true}}}},
            "questions": {"type": "array", "description": "已公开或已答复的网友提问（不含提问人姓名、电话）", "items": {"type": "object", "properties": {
              "nickname": {"type": "string"}, "text": {"type": "string"}, "state": {"$ref": "#/components/schemas/EventCode"},
              "answer": {"type": "string", "nullable": true}, "answered_by": {"type": "string", "nullable": true},
              "asked_at": {"type": "string", "format": "date-time"}}}},
            "photos": {"type": "array", "items": {"type": "object", "properties": {"url": {"type": "string"}, "caption": {"type": "string"}}}},
            "video": {"type": "object", "nullable": true, "properties": {"url": {"type": "string"}, "media_type": {"type": "string"}}},
            "entries_url": {"type": "string", "description": "直播中轮询新条目的 JSON 地址"}
          }
        }]
      }
    }
  }
})json";
}

}  // namespace zwgk::web
