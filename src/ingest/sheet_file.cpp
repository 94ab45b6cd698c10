// See sheet_file.hpp.
#include "ingest/sheet_file.hpp"

#include "ingest/xlsx_rows.hpp"

namespace zwgk::ingest {

SheetFormat sheet_format_of(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return SheetFormat::Xlsx;
  // The Compound File Binary signature (MS-CFB 2.2) every .xls starts with.
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return SheetFormat::Xls;
  return SheetFormat::Csv;
}

std::vector<domain::SheetRow> read_sheet_file(std::string_view bytes) {
  switch (sheet_format_of(bytes)) {
    case SheetFormat::Xlsx: return read_xlsx_rows(bytes);
    case SheetFormat::Xls: return read_xls_rows(bytes);
    case SheetFormat::Csv: break;
  }
  return read_csv_rows(bytes);
}

}  // namespace zwgk::ingest
