#include "web/api_openapi.hpp"

#include <stdexcept>

namespace zwgk::web::api {

namespace {

// The description as JSON text: easier to read and review than nested initialiser lists.
// Parsed once at start-up; a unit test checks it parses and names every route.
constexpr const char* kOpenApi = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "zwgk 政府信息公开 API",
    "version": "1.0.0",
    "description": "政府信息公开平台的只读接口：站点、公开目录、政府信息（文件）。只返回已发布的信息；草稿不存在于接口中，已撤回的信息保留元数据但不再提供正文和附件。所有错误使用统一的错误信封。"
  },
  "paths": {
    "/api/v1/sites": {
      "get": {
        "operationId": "listSites",
        "summary": "站点列表",
        "tags": ["sites"],
        "responses": {
          "200": {"description": "全部站点", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SiteList"}}}},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/sites/{site}/catalogue": {
      "get": {
        "operationId": "getCatalogue",
        "summary": "站点的公开目录（树）",
        "tags": ["sites"],
        "parameters": [{"$ref": "#/components/parameters/Site"}],
        "responses": {
          "200": {"description": "公开目录树", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CatalogueTree"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/sites/{site}/documents": {
      "get": {
        "operationId": "listDocuments",
        "summary": "站点已发布的政府信息，按发文日期从新到旧",
        "tags": ["documents"],
        "parameters": [
          {"$ref": "#/components/parameters/Site"},
          {"name": "catalogue", "in": "query", "required": false, "description": "公开目录代码；包含其下级目录的信息", "schema": {"type": "string", "example": "ghjh"}},
          {"name": "department", "in": "query", "required": false, "description": "公开责任部门编号（本站点）", "schema": {"type": "integer", "format": "int64", "minimum": 1}},
          {"name": "year", "in": "query", "required": false, "description": "发文日期所在年份", "schema": {"type": "integer", "minimum": 1000, "maximum": 9999, "example": 2017}},
          {"name": "page", "in": "query", "required": false, "description": "页码，从 1 开始", "schema": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1}},
          {"name": "per_page", "in": "query", "required": false, "description": "每页条数", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
        ],
        "responses": {
          "200": {"description": "一页政府信息", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DocumentPage"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/documents/{id}": {
      "get": {
        "operationId": "getDocument",
        "summary": "一条政府信息及其全部元数据",
        "tags": ["documents"],
        "parameters": [
          {"name": "id", "in": "path", "required": true, "description": "信息编号", "schema": {"type": "integer", "format": "int64", "minimum": 1}}
        ],
        "responses": {
          "200": {"description": "政府信息", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/search": {
      "get": {
        "operationId": "search",
        "summary": "站内搜索：标题、文号、正文和附件文本中包含检索词的已发布信息",
        "description": "检索词按字面查找（引号、*、AND、NEAR、- 等都只是普通字符），繁体、全角和文号括号的写法不影响结果。匹配数超过 10000 时 total 为 10000 且 total_capped 为 true，分面为按最新 10000 条统计的约数（facets.approximate）。每个分面的计数不受该分面自身筛选条件的影响。",
        "tags": ["search"],
        "parameters": [
          {"name": "q", "in": "query", "required": true, "description": "检索词，最多 200 个字；空格分隔的多个词须同时出现", "schema": {"type": "string", "maxLength": 200, "example": "湘政发〔2016〕41号"}},
          {"name": "site", "in": "query", "required": false, "description": "站点代码；不填或 all 为全部站点", "schema": {"type": "string", "example": "shaoyang"}},
          {"name": "catalogue", "in": "query", "required": false, "description": "公开目录代码（需同时指定 site），包含下级目录", "schema": {"type": "string"}},
          {"name": "department", "in": "query", "required": false, "description": "公开责任部门编号", "schema": {"type": "integer", "format": "int64", "minimum": 1}},
          {"name": "year", "in": "query", "required": false, "description": "发布日期所在年份", "schema": {"type": "integer", "minimum": 1000, "maximum": 9999}},
          {"name": "type", "in": "query", "required": false, "description": "类型", "schema": {"type": "string", "enum": ["document", "interpretation", "attachment"]}},
          {"name": "sort", "in": "query", "required": false, "description": "排序：relevance 相关度（默认）或 date 日期从新到旧", "schema": {"type": "string", "enum": ["relevance", "date"]}},
          {"name": "page", "in": "query", "required": false, "description": "页码，从 1 开始", "schema": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1}},
          {"name": "per_page", "in": "query", "required": false, "description": "每页条数", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
        ],
        "responses": {
          "200": {"description": "一页检索结果", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "operationId": "getOpenApi",
        "summary": "本接口说明（OpenAPI 3.0）",
        "tags": ["meta"],
        "responses": {"200": {"description": "OpenAPI 文档", "content": {"application/json": {"schema": {"type": "object"}}}}}
      }
    }
  },
  "components": {
    "parameters": {
      "Site": {"name": "site", "in": "path", "required": true, "description": "站点代码，见 /api/v1/sites", "schema": {"type": "string", "example": "shaoyang"}}
    },
    "responses": {
      "BadRequest": {"description": "参数无效；message 指出是哪个参数", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "站点、信息或接口不存在", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Internal": {"description": "服务器内部错误", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "SearchFacetValue": {"type": "object", "required": ["value", "count"], "properties": {
        "value": {"oneOf": [{"type": "string"}, {"type": "integer"}]}, "label": {"type": "string"}, "count": {"type": "integer"}}},
      "SearchResult": {"type": "object", "required": ["total", "total_capped", "page", "per_page", "items", "facets"], "properties": {
        "total": {"type": "integer", "description": "匹配数（超过 10000 时为 10000）"},
        "total_capped": {"type": "boolean"},
        "page": {"type": "integer"}, "per_page": {"type": "integer"},
        "terms": {"type": "array", "items": {"type": "string"}, "description": "规范化后的检索词"},
        "items": {"type": "array", "items": {"type": "object", "required": ["id", "url", "site", "type", "title", "title_html", "doc_number", "date", "snippet_html"], "properties": {
          "id": {"type": "integer", "format": "int64"}, "url": {"type": "string", "format": "uri"}, "site": {"type": "string"},
          "type": {"type": "string", "enum": ["document", "interpretation", "attachment"]},
          "title": {"type": "string"}, "title_html": {"type": "string", "description": "已转义的 HTML，命中处为 <em>"},
          "doc_number": {"type": "string", "description": "文号"}, "date": {"type": "string", "format": "date", "nullable": true},
          "snippet_html": {"type": "string", "description": "已转义的摘要 HTML，命中处为 <em>"},
          "attachment": {"type": "string", "description": "附件文件名（type 为 attachment 时）"}}}},
        "facets": {"type": "object", "properties": {
          "approximate": {"type": "boolean"},
          "type": {"type": "array", "items": {"$ref": "#/components/schemas/SearchFacetValue"}},
          "year": {"type": "array", "items": {"$ref": "#/components/schemas/SearchFacetValue"}},
          "department": {"type": "array", "items": {"$ref": "#/components/schemas/SearchFacetValue"}},
          "catalogue": {"type": "array", "items": {"$ref": "#/components/schemas/SearchFacetValue"}},
          "site": {"type": "array", "items": {"$ref": "#/components/schemas/SearchFacetValue"}}}}}},
      "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
          "error": {
            "type": "object",
            "required": ["code", "message", "request_id"],
            "properties": {
              "code": {"type": "string", "enum": ["bad_request", "not_found", "method_not_allowed", "internal"]},
              "message": {"type": "string", "description": "中文说明", "example": "参数 per_page 无效：必须是 1 到 100 之间的整数"},
              "request_id": {"type": "string", "description": "请求编号，反馈问题时请提供"}
            }
          }
        }
      },
      "Site": {
        "type": "object",
        "required": ["code", "name", "url"],
        "properties": {
          "code": {"type": "string", "description": "站点代码"},
          "name": {"type": "string", "description": "网站名称"},
          "url": {"type": "string", "format": "uri", "description": "首页地址"},
          "sponsor": {"type": "string", "description": "主办单位"},
          "phone": {"type": "string", "description": "联系电话"},
          "site_id_code": {"type": "string", "description": "网站标识码"},
          "icp_record": {"type": "string", "description": "ICP备案号"},
          "police_record": {"type": "string", "description": "公安机关备案号"},
          "domain": {"type": "string", "description": "网站域名"}
        }
      },
      "SiteList": {
        "type": "object",
        "required": ["items", "total"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Site"}},
          "total": {"type": "integer"}
        }
      },
      "CatalogueNode": {
        "type": "object",
        "required": ["code", "name", "url", "children"],
        "properties": {
          "code": {"type": "string", "description": "目录代码，永久不变"},
          "name": {"type": "string", "description": "目录名称"},
          "description": {"type": "string", "description": "目录说明"},
          "url": {"type": "string", "format": "uri", "description": "目录页地址"},
          "children": {"type": "array", "items": {"$ref": "#/components/schemas/CatalogueNode"}}
        }
      },
      "CatalogueTree": {
        "type": "object",
        "required": ["site", "items"],
        "properties": {
          "site": {"type": "string", "description": "站点代码"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/CatalogueNode"}}
        }
      },
      "DocumentRef": {
        "type": "object",
        "required": ["id", "url", "title"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "url": {"type": "string", "format": "uri"},
          "title": {"type": "string"}
        }
      },
      "Attachment": {
        "type": "object",
        "required": ["file_name", "url", "size", "media_type", "sha256"],
        "properties": {
          "file_name": {"type": "string"},
          "url": {"type": "string", "format": "uri"},
          "size": {"type": "integer", "format": "int64", "description": "字节数"},
          "media_type": {"type": "string", "example": "application/pdf"},
          "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}
        }
      },
      "DocumentSummary": {
        "type": "object",
        "description": "列表中的政府信息：不含 body_html、attachments、interprets、interpretations，需要时请取 /api/v1/documents/{id}",
        "required": ["id", "url", "site", "title", "catalogue", "department", "published_on", "validity", "kind", "state"],
        "properties": {
          "id": {"type": "integer", "format": "int64", "description": "信息编号"},
          "url": {"type": "string", "format": "uri", "description": "信息页地址，发布后永久不变"},
          "site": {"type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
          "title": {"type": "string", "description": "标题"},
          "doc_number": {"type": "string", "description": "文号"},
          "index_number": {"type": "string", "description": "索引号"},
          "catalogue": {"type": "object", "nullable": true, "description": "公开目录", "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
          "department": {"type": "object", "nullable": true, "description": "公开责任部门", "properties": {"id": {"type": "integer", "format": "int64"}, "name": {"type": "string"}}},
          "issuer": {"type": "string", "description": "发文机关"},
          "written_on": {"type": "string", "format": "date", "nullable": true, "description": "成文日期"},
          "published_on": {"type": "string", "format": "date", "nullable": true, "description": "发文日期"},
          "disclosure": {"type": "string", "nullable": true, "enum": ["主动公开", "依申请公开", "不予公开", null], "description": "公开形式"},
          "effective_on": {"type": "string", "format": "date", "nullable": true, "description": "生效日期"},
          "expires_on": {"type": "string", "format": "date", "nullable": true, "description": "失效日期"},
          "repealed_on": {"type": "string", "format": "date", "nullable": true, "description": "废止日期"},
          "validity": {"type": "string", "enum": ["有效", "失效", "废止", "已修订", "尚未生效"], "description": "有效性（按当天日期推算）"},
          "topic": {"type": "string", "description": "主题分类"},
          "summary": {"type": "string", "description": "内容概述"},
          "kind": {"type": "string", "enum": ["document", "interpretation"], "description": "文件 / 政策解读"},
          "state": {"type": "string", "enum": ["published", "withdrawn"]},
          "updated_at": {"type": "string", "description": "最后修改时间（UTC）"}
        }
      },
      "Document": {
        "description": "一条政府信息的全部元数据。已撤回（state = withdrawn）的信息 body_html 为 null、attachments 为空。",
        "allOf": [
          {"$ref": "#/components/schemas/DocumentSummary"},
          {
            "type": "object",
            "required": ["body_html", "attachments", "interprets", "interpretations"],
            "properties": {
              "body_html": {"type": "string", "nullable": true, "description": "正文（已过滤的 HTML）"},
              "attachments": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}},
              "interprets": {"nullable": true, "description": "本解读所解读的文件", "allOf": [{"$ref": "#/components/schemas/DocumentRef"}]},
              "interpretations": {"type": "array", "description": "解读本文件的政策解读", "items": {"$ref": "#/components/schemas/DocumentRef"}}
            }
          }
        ]
      },
      "DocumentPage": {
        "type": "object",
        "required": ["total", "page", "per_page", "items"],
        "properties": {
          "total": {"type": "integer", "format": "int64", "description": "符合条件的总条数"},
          "page": {"type": "integer"},
          "per_page": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/DocumentSummary"}}
        }
      }
    }
  }
})json";

}  // namespace

Json openapi_document(const std::string& base_url, const std::vector<std::string>& fragments) {
  auto doc = Json::parse(kOpenApi);
  for (const auto& f : fragments) {
    auto part = Json::parse(f, nullptr, /*allow_exceptions=*/false);
    if (part.is_discarded() || !part.is_object()) throw std::logic_error("OpenAPI fragment is not a JSON object");
    doc.merge_patch(part);
  }
  doc["servers"] = Json::array({{{"url", base_url.empty() ? "/" : base_url}}});
  return doc;
}

}  // namespace zwgk::web::api
