// 建议提案办理 API's part of /api/v1/openapi.json (docs/api.md "建议提案办理").
#include "modules/jyta/web/proposal_api.hpp"

namespace zwgk::web {

const char* proposal_api_description() {
  return R"json({
  "paths": {
    "/api/v1/sites/{site}/proposals": {
      "get": {
        "summary": "人大代表建议、政协委员提案办理结果列表",
        "parameters": [
          {"name": "site", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "year", "in": "query", "schema": {"type": "integer", "example": 2026}},
          {"name": "unit", "in": "query", "description": "主办单位的部门编号", "schema": {"type": "integer", "minimum": 1}},
          {"name": "category", "in": "query", "description": "办理结果类别", "schema": {"type": "string", "enum": ["A", "B", "C"]}},
          {"name": "type", "in": "query", "schema": {"type": "string", "enum": ["suggestion", "proposal"]}},
          {"name": "q", "in": "query", "description": "标题、编号或领衔人中的词", "schema": {"type": "string"}},
          {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
          {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
        ],
        "responses": {
          "200": {"description": "建议提案列表", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProposalPage"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/sites/{site}/proposals/{id}": {
      "get": {
        "summary": "一件建议提案及其公开的答复（全文、摘要，或不予公开及理由）",
        "parameters": [
          {"name": "site", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}
        ],
        "responses": {
          "200": {"description": "建议提案", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProposalDetail"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/sites/{site}/proposals/statistics": {
      "get": {
        "summary": "按主办单位的办理统计（与公开统计页相同）",
        "parameters": [
          {"name": "site", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "year", "in": "query", "description": "缺省为有数据的最近年份", "schema": {"type": "integer"}}
        ],
        "responses": {
          "200": {"description": "统计", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProposalStatistics"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    }
  },
  "components": {
    "schemas": {
      "ProposalCode": {"type": "object", "description": "代码和中文名称", "properties": {"code": {"type": "string"}, "label": {"type": "string"}}},
      "Proposal": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "url": {"type": "string", "description": "公开页面地址"},
          "kind": {"$ref": "#/components/schemas/ProposalCode"},
          "session": {"type": "string", "example": "十七届人大三次会议"},
          "year": {"type": "integer"},
          "number": {"type": "string", "example": "建议第123号"},
          "title": {"type": "string"},
          "lead": {"type": "string", "description": "领衔代表/委员"},
          "co_signers": {"type": "string", "nullable": true},
          "unit": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
          "co_units": {"type": "string", "nullable": true},
          "assigned_on": {"type": "string", "format": "date"},
          "due_on": {"type": "string", "format": "date"},
          "answered_on": {"type": "string", "format": "date", "nullable": true},
          "answered_on_time": {"type": "boolean", "nullable": true},
          "overdue": {"type": "boolean"},
          "category": {"allOf": [{"$ref": "#/components/schemas/ProposalCode"}], "nullable": true},
          "satisfaction": {"allOf": [{"$ref": "#/components/schemas/ProposalCode"}], "nullable": true},
          "publication": {"allOf": [{"$ref": "#/components/schemas/ProposalCode"}], "nullable": true}
        }
      },
      "ProposalPage": {
        "type": "object",
        "properties": {
          "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Proposal"}}
        }
      },
      "ProposalDetail": {
        "allOf": [{"$ref": "#/components/schemas/Proposal"}, {
          "type": "object",
          "properties": {
            "answer": {"type": "object", "nullable": true, "properties": {
              "publication": {"$ref": "#/components/schemas/ProposalCode"},
              "text": {"type": "string", "nullable": true, "description": "全文公开：答复全文；摘要公开：摘要；不予公开：null"},
              "withheld_reason": {"type": "string", "nullable": true}}}
          }
        }]
      },
      "ProposalUnitStatistics": {
        "type": "object",
        "properties": {
          "unit": {"type": "string"}, "received": {"type": "integer"}, "answered": {"type": "integer"},
          "answered_on_time": {"type": "integer"}, "overdue": {"type": "integer"}, "published": {"type": "integer"},
          "a": {"type": "integer"}, "b": {"type": "integer"}, "c": {"type": "integer"}
        }
      },
      "ProposalStatistics": {
        "type": "object",
        "properties": {
          "year": {"type": "integer"},
          "units": {"type": "array", "items": {"$ref": "#/components/schemas/ProposalUnitStatistics"}},
          "total": {"$ref": "#/components/schemas/ProposalUnitStatistics"}
        }
      }
    }
  }
})json";
}

}  // namespace zwgk::web
