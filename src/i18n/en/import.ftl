# gongkai import report: reading a published annual report.

import-cannot-read = cannot read this file: { $reason }
import-unsupported = .{ $kind } files are not read. Import reads web pages (.html, .htm, .shtml), Word documents (.docx) and plain text (.txt); open the original in Word or WPS, use Save As to save it as a Word document (.docx) or a web page (.html), and import that
import-not-docx = this file is not a Word document (.docx): it does not open, or holds no text. Open it in Word or WPS and save it again as .docx
import-bad-docx = this Word document (.docx) is damaged and its text cannot be read. Open it in Word or WPS and save it again as .docx
import-place-table = (table { $table }, row { $row })
import-place-para = (paragraph { $para })
import-not-report = this file holds no annual report on government information disclosure: none of the parts 一、总体情况 to 六、其他需要报告的事项 and none of the report's tables were found
import-no-year = cannot tell which year this report is for (its title names no year). Add --year YEAR to the command, e.g. --year 2023
import-no-edition = cannot tell which edition of the format this report follows. Add --edition 2019 or --edition 2021 to the command
import-missing-row = the row “{ $row }” (a row of the { $edition } edition of the format) was not found; the report was not imported
import-no-part = the part “{ $part }” was not found; it is empty in the imported file
import-cell-kept = the cell “{ $column }” of “{ $row }” reads “{ $printed }” in the original, which is not a number; kept as text
import-cell-unit = the cell “{ $column }” of “{ $row }” reads “{ $printed }” in the original; only its number was kept
import-cell-missing = the row “{ $row }” lacks its cell “{ $column }”; imported as blank
import-rule = the original's arithmetic does not add up and is kept as published: { $detail }
import-no-date = no publication date was found; write published: YYYY-MM-DD in the imported file
import-exists = { $path } already exists and import never overwrites it; to import again, move or rename it first
import-same-year = { $path } and { $other } are reports for the same year; only one can be imported
import-no-site = this is not a gongkai site's folder (no site.yaml found). Run it in the site's folder or name it with --root; add --dry-run to only see the result
import-no-column = site.yaml has no annual reports column (kind: reports)
import-bad-config = site.yaml has errors; correct it before importing
import-cannot-write = cannot write { $path }: { $reason }
import-summary = { $file }: year { $year }, { $edition } edition, { $agency }; { $rows } rows and { $cells } cells read, { $blanks } of them blank; { $warnings } warnings
import-no-agency = agency not found
import-wrote = wrote { $path }
import-nothing-written = there were errors; no file was written
