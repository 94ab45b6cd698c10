// The 12345 API's part of /api/v1/openapi.json (docs/api.md "政民互动").
#include "modules/zmhd/web/letter_console.hpp"

namespace zwgk::web {

const char* letter_api_description() {
  return R"json({
  "paths": {
    "/api/v1/letters": {
      "post": {
        "summary": "对接系统（如12345热线平台）推送工单，转为来信办理",
        "security": [{"IntegrationToken": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LetterTicket"}}}},
        "responses": {
          "201": {"description": "已登记为来信", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Letter"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "缺少或无效的接口令牌", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "该工单已转入", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/letters/{number}": {
      "get": {
        "summary": "本系统推送的来信的办理状态和答复",
        "security": [{"IntegrationToken": []}],
        "parameters": [{"name": "number", "in": "path", "required": true, "schema": {"type": "string", "example": "XJ-2026-000123"}}],
        "responses": {
          "200": {"description": "来信", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Letter"}}}},
          "401": {"description": "缺少或无效的接口令牌", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "IntegrationToken": {"type": "http", "scheme": "bearer", "description": "每个对接系统一个令牌，只能访问所属网站、本系统推送的来信（zwgk letters client add）"}
    },
    "schemas": {
      "LetterTicket": {
        "type": "object",
        "required": ["ticket_id", "title", "content", "name", "phone"],
        "properties": {
          "ticket_id": {"type": "string", "description": "12345工单号，同一系统内唯一"},
          "mailbox": {"type": "string", "description": "信箱代码，默认 consult（咨询投诉）"},
          "category": {"type": "string", "enum": ["consultation", "complaint", "suggestion", "help", "praise", "other"]},
          "title": {"type": "string", "maxLength": 100},
          "content": {"type": "string"},
          "name": {"type": "string", "description": "来信人姓名（加密保存，不在任何公开页面或接口中返回）"},
          "phone": {"type": "string", "description": "联系电话（加密保存）"},
          "email": {"type": "string"},
          "consent_publish": {"type": "boolean"}
        }
      },
      "Letter": {
        "type": "object",
        "properties": {
          "number": {"type": "string"},
          "ticket_id": {"type": "string"},
          "category": {"$ref": "#/components/schemas/CodeLabel"},
          "state": {"$ref": "#/components/schemas/CodeLabel"},
          "round": {"type": "integer", "description": "2 = 不满意后的二次办理"},
          "received_on": {"type": "string", "format": "date"},
          "accepted_on": {"type": "string", "format": "date", "nullable": true},
          "department": {"type": "string", "nullable": true},
          "due_on": {"type": "string", "format": "date", "nullable": true},
          "rejection": {"type": "object", "nullable": true, "properties": {"code": {"type": "string"}, "label": {"type": "string"}, "notice": {"type": "string"}}},
          "merged_into": {"type": "string", "nullable": true},
          "replied_on": {"type": "string", "format": "date", "nullable": true},
          "reply": {"type": "string", "nullable": true},
          "rating": {"type": "object", "nullable": true, "properties": {"code": {"type": "string"}, "label": {"type": "string"}, "by_default": {"type": "boolean"}}}
        }
      },
      "CodeLabel": {"type": "object", "properties": {"code": {"type": "string"}, "label": {"type": "string"}}}
    }
  }
})json";
}

}  // namespace zwgk::web
