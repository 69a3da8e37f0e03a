# Messages of markdown (see catalogue.rs for the owner modules).
# Also the messages of content/attachments.rs: attachments and the files a
# page's text links beside it.

attachment-outside-folder = attachment `{ $file }` must be a file beside the item, not outside its folder
attachment-missing = attachment `{ $file }` does not exist
attachment-missing-hint = put the file at { $path }
attachment-outside-site = attachment `{ $file }` is a link to a file outside the site
linked-file-outside-site = the file `{ $file }` linked in the text is a link to a file outside the site
attachment-outside-site-hint = copy the file itself into the item's folder
attachment-no-type = attachment `{ $file }` has no file type: give it an extension such as .pdf or .txt
attachment-type = attachment `{ $file }` has the type `.{ $ext }`, which is not on the allow-list
linked-file-type = the file `{ $file }` linked in the text has the type `.{ $ext }`, which is not on the allow-list
attachment-type-hint = publish it as PDF or an office document, or allow the type in site.yaml (`attachments: {"{"} allow: [{ $ext }] {"}"}`) if it must be published as it is
linked-file-missing = the file `{ $file }` linked in the text does not exist
linked-file-missing-hint = put it in the folder { $dir }, beside { $md }, under the name the link gives (extension included)
image-no-alt = image `{ $file }` has no alt text: describe it between the brackets of ![ ], for readers who cannot see it
