# gongkai review: every agency's annual report of a year at once
# (src/review/, src/cmd/review.rs).

review-source-not-found = no such file or folder
review-source-not-report = this file is not an annual report: review reads report YAML files, gongkai site folders, and published reports as .html, .docx or .txt
review-source-unreadable-type = .{ $kind } files cannot be read: review reads report YAML files and published reports as .html, .docx or .txt
review-source-unreadable-hint = open it in Word or WPS, save it as .docx or as plain text (.txt), and review it again
review-agency-from-folder = the report does not name its agency (agency:); it is taken to be "{ $agency }", the name of its folder
review-agency-from-folder-hint = add a line agency: followed by the agency's full name, written as on the list of expected agencies

review-status-read = read
review-status-unread = not readable
review-status-missing = missing
review-unread-group = files that could not be read (no agency's report)
review-blank-original-hint = these cells are blank in the original: a published report should show 0 where the number is 0
review-published-missing-original = the original has no publication date: the day it was published, and so whether it was on time, cannot be told
review-published-missing-original-hint = write the publication date on the line under the signature at the end of the report, e.g. 2024年1月30日 (a web page must show its publication date)
review-original-rule-hint = the original is published and only its agency can correct it: ask the agency to check these numbers in the original and, if they are wrong, correct and republish it
review-original-cell-hint = this cell of the original should hold only a number (a whole number of 0 or more; 本年增/减 with its sign): ask the agency to correct and republish the original
review-original-narrative-hint = ask the agency to check this figure of the original's text against its cell of the tables, correct the wrong one and republish
review-original-edition-hint = reports up to 2020 follow 国办公开办函〔2019〕60号, from 2021 on 国办公开办函〔2021〕30号: ask the agency to use the form due for the year from now on
review-original-structure-hint = this heading or row of the original is not worded as the official form words it: ask the agency to follow the form's wording from now on

review-duplicate = { $agency } has more than one { $year } report; see also: { $others }
review-duplicate-hint = decide which one is the published report and move the other out of the folders reviewed; until then neither is added to the sum
review-missing = { $agency } has no { $year } report: it was due by { $due } (report_deadline { $deadline })
review-missing-hint = ask the agency to publish its annual report, and add the file (or its site) to the review
review-missing-not-due = the deadline { $due } has not passed yet; remind the agency to publish on time
review-unexpected = the agency "{ $agency }" is not on the list { $list }
review-unexpected-near = the list has "{ $name }": is it the same agency? Both must be written exactly alike
review-unexpected-hint = check the agency's name; add a new agency to the list

review-left-out-unread = could not be read as a report
review-left-out-duplicate = the agency has two reports for the year
review-left-out-edition = it uses the { $edition } edition of the form; the year's is the { $expected } edition
review-left-out-findings = { $count } errors or failing consistency rules ({ $codes })

review-clean = no findings
review-heading = review of the { $year } annual reports on government information disclosure (as of { $as_of }): { $agencies } agencies, { $reports } reports{ $unread ->
        [0] {""}
       *[other] , and { $unread } files that could not be read
    }
review-heading-no-year = review of the annual reports on government information disclosure (as of { $as_of }): no report was read
review-row = { $year }, { $edition } edition, from { $source }, published { $published }
review-no-date = not given
review-row-unread = { $source }: could not be read as an annual report
review-row-missing = no { $year } report
review-summary = in all: { $errors } with errors, { $warnings } with warnings or notices, { $clean } without findings, { $missing } agencies missing{ $unread ->
        [0] {""}
       *[other] ; { $unread } files could not be read
    }
review-sum-heading = sum of { $year } ({ $edition } edition): { $count } reports added
review-sum-left-out = reports left out of the sum:
review-sum-none = no report could be added

review-col-agency = agency
review-col-year = year
review-col-edition = edition
review-col-source = source
review-col-published = published
review-col-status = status
review-col-severity = severity
review-col-code = code
review-col-place = place
review-col-message = finding
review-col-fix = fix

review-html-summary = the agencies' reports at a glance
review-html-findings = findings by agency
review-html-other = other

review-no-paths = error: name the report files, sites or folders to review, e.g. gongkai review reports/
review-written = the review was written to { $path }
review-output-failed = could not write the review to { $path }: { $why }
review-deadline-unknown = 「{ $agency }」 in deadlines is not on the agencies list, so its deadline is never used
review-deadline-unknown-near = did you mean 「{ $near }」? write the name as in agencies
