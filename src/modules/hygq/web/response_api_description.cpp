// 回应关切 API's part of /api/v1/openapi.json (docs/api.md "回应关切").
#include "modules/hygq/web/response_api.hpp"

namespace zwgk::web {

const char* response_api_description() {
  return R"json({
  "paths": {
    "/api/v1/sites/{site}/responses": {
      "get": {
        "summary": "回应关切栏目：突发事件和政务舆情的权威发布、新闻发布会和回应，新的在前（最多100条）",
        "parameters": [{"name": "site", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "回应列表", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ResponseList"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    }
  },
  "components": {
    "schemas": {
      "ResponseCode": {"type": "object", "description": "代码和中文名称", "properties": {"code": {"type": "string"}, "label": {"type": "string"}}},
      "Response": {
        "type": "object",
        "properties": {
          "kind": {"allOf": [{"$ref": "#/components/schemas/ResponseCode"}], "description": "document（权威发布）、event（新闻发布会）、recorded（回应）"},
          "title": {"type": "string"},
          "url": {"type": "string", "nullable": true},
          "document_id": {"type": "integer", "nullable": true},
          "event_id": {"type": "integer", "nullable": true},
          "at": {"type": "string", "format": "date-time"},
          "incident": {"type": "object", "properties": {
            "id": {"type": "integer"}, "title": {"type": "string"},
            "date": {"type": "string", "format": "date", "description": "事件发生（获知）的日期"},
            "level": {"$ref": "#/components/schemas/ResponseCode"},
            "clocks": {"type": "array", "description": "仅当网站设置公开时限时：权威发布、新闻发布会、舆情回应的时限", "items": {"type": "object", "properties": {
              "clock": {"$ref": "#/components/schemas/ResponseCode"}, "hours": {"type": "integer"},
              "due_at": {"type": "string", "format": "date-time"}, "met_at": {"type": "string", "format": "date-time", "nullable": true},
              "late": {"type": "boolean"}, "text": {"type": "string", "example": "提前1小时20分完成"}}}}}}
        }
      },
      "ResponseList": {
        "type": "object",
        "properties": {"total": {"type": "integer"}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Response"}}}
      }
    }
  }
})json";
}

}  // namespace zwgk::web
