// 意见征集 API's part of /api/v1/openapi.json (docs/api.md "意见征集").
#include "modules/yjzj/web/consultation_api.hpp"

namespace zwgk::web {

const char* consultation_api_description() {
  return R"json({
  "paths": {
    "/api/v1/sites/{site}/consultations": {
      "get": {
        "summary": "意见征集列表（未开始、征集中、已结束待反馈、已反馈；截止日期晚的在前）",
        "parameters": [
          {"name": "site", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "phase", "in": "query", "schema": {"type": "string", "enum": ["upcoming", "open", "awaiting_feedback", "feedback_published"]}},
          {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["major_decision", "rule_draft", "normative_document", "other"]}},
          {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
          {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
        ],
        "responses": {
          "200": {"description": "意见征集列表", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConsultationPage"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/sites/{site}/consultation-statements": {
      "get": {
        "summary": "情况说明：某一期间（全年或季度）没有需要公开征求意见事项的单位发布的说明（期间新的在前）",
        "parameters": [{"name": "site", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "情况说明", "content": {"application/json": {"schema": {"type": "object", "properties": {
            "total": {"type": "integer"},
            "items": {"type": "array", "items": {"type": "object", "properties": {
              "id": {"type": "integer"}, "unit": {"type": "string"}, "department_id": {"type": "integer", "nullable": true},
              "year": {"type": "integer"}, "quarter": {"type": "integer", "nullable": true, "description": "1-4；全年为 null"},
              "period": {"type": "string", "example": "2026年第四季度"}, "text": {"type": "string"},
              "date": {"type": "string", "format": "date"}}}}}}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/sites/{site}/consultations/{id}": {
      "get": {
        "summary": "一项意见征集：征求意见稿（逐条锚点）、起草说明、已公开的意见、附件、调查问卷（结束后含结果）和意见反馈",
        "parameters": [
          {"name": "site", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}
        ],
        "responses": {
          "200": {"description": "意见征集", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConsultationDetail"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    }
  },
  "components": {
    "schemas": {
      "ConsultationCode": {"type": "object", "description": "代码和中文名称", "properties": {"code": {"type": "string"}, "label": {"type": "string"}}},
      "ConsultationFeedback": {
        "type": "object", "nullable": true, "description": "意见反馈（已反馈时）",
        "properties": {
          "received": {"type": "integer", "description": "收到意见（条）"},
          "adopted": {"type": "integer", "description": "采纳"},
          "partly_adopted": {"type": "integer", "description": "部分采纳"},
          "not_adopted": {"type": "integer", "description": "未采纳"},
          "text": {"type": "string", "description": "采纳情况和未采纳的理由"},
          "date": {"type": "string", "format": "date", "nullable": true}
        }
      },
      "Consultation": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "url": {"type": "string", "description": "公开页面地址"},
          "title": {"type": "string"},
          "kind": {"$ref": "#/components/schemas/ConsultationCode"},
          "phase": {"$ref": "#/components/schemas/ConsultationCode"},
          "department": {"type": "string", "nullable": true, "description": "起草（组织）单位"},
          "starts_on": {"type": "string", "format": "date"},
          "ends_on": {"type": "string", "format": "date"},
          "published_on": {"type": "string", "format": "date", "nullable": true},
          "published_opinions": {"type": "integer", "description": "已公开的意见条数"},
          "feedback_due": {"type": "string", "format": "date", "nullable": true, "description": "已结束待反馈时：反馈的期限"},
          "feedback": {"$ref": "#/components/schemas/ConsultationFeedback"}
        }
      },
      "ConsultationPage": {
        "type": "object",
        "properties": {
          "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Consultation"}}
        }
      },
      "ConsultationDetail": {
        "allOf": [{"$ref": "#/components/schemas/Consultation"}, {
          "type": "object",
          "properties": {
            "period": {"type": "object", "properties": {
              "length": {"type": "string", "example": "30日"}, "minimum": {"type": "string", "example": "7个工作日"},
              "short_period_reason": {"type": "string", "nullable": true, "description": "期限短于法定最短期限时公布的理由"}}},
            "explanation": {"type": "string", "description": "起草说明"},
            "how_to_send": {"type": "string", "description": "其他反馈渠道"},
            "body_html": {"type": "string", "description": "征求意见稿，条文带锚点（id=\"art-5\"）"},
            "articles": {"type": "array", "items": {"type": "object", "properties": {
              "anchor": {"type": "string"}, "label": {"type": "string", "example": "第五条"}, "excerpt": {"type": "string"},
              "url": {"type": "string"}, "published_opinions": {"type": "integer"}}}},
            "opinions": {"type": "array", "description": "已公开的意见（不含姓名、电话）", "items": {"type": "object", "properties": {
              "id": {"type": "integer"}, "anchor": {"type": "string", "nullable": true}, "anchor_label": {"type": "string", "nullable": true},
              "text": {"type": "string"}, "date": {"type": "string", "format": "date"}}}},
            "attachments": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "url": {"type": "string"}}}},
            "survey": {"type": "object", "nullable": true, "properties": {
              "url": {"type": "string"},
              "questions": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "integer"}, "kind": {"$ref": "#/components/schemas/ConsultationCode"}, "text": {"type": "string"},
                "options": {"type": "array", "items": {"type": "string"}}}}},
              "respondents": {"type": "integer", "nullable": true, "description": "征集结束后公布"},
              "results": {"type": "array", "nullable": true, "description": "征集结束后公布；填空题只有作答人数", "items": {"type": "object", "properties": {
                "question_id": {"type": "integer"}, "responses": {"type": "integer"},
                "counts": {"type": "array", "items": {"type": "object", "properties": {"option": {"type": "string"}, "count": {"type": "integer"}}}}}}}}}
          }
        }]
      }
    }
  }
})json";
}

}  // namespace zwgk::web
