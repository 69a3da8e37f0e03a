# Messages of markdown (see catalogue.rs for the owner modules).
# Also the messages of content/attachments.rs: attachments and the files a
# page's text links beside it.

attachment-outside-folder = 附件「{ $file }」要放在这篇文章的文件夹里，不能写 .. 或从 / 开始的路径
attachment-missing = 找不到附件「{ $file }」
attachment-missing-hint = 请把文件放到 { $path }，文件名要和 attachments: 里写的完全一样
attachment-outside-site = 附件「{ $file }」是指向网站文件夹外面的快捷方式（链接），不能发布
linked-file-outside-site = 正文里链接的「{ $file }」是指向网站文件夹外面的快捷方式（链接），不能发布
attachment-outside-site-hint = 请把文件本身复制到文章的文件夹里
attachment-no-type = 附件「{ $file }」没有扩展名，看不出是什么文件：请给文件名加上 .pdf、.docx 这样的扩展名
attachment-type = 附件「{ $file }」是 .{ $ext } 文件，这种文件不能发布
linked-file-type = 正文里链接的「{ $file }」是 .{ $ext } 文件，这种文件不能发布
attachment-type-hint = 请转成 PDF、Word 或 Excel 文件再发布；如果确实要原样发布，在 site.yaml 里写上 attachments: {"{"} allow: [{ $ext }] {"}"}
linked-file-missing = 正文里链接的文件「{ $file }」不存在
linked-file-missing-hint = 请把文件放到 { $dir } 文件夹里，和 { $md } 放在一起；文件名要和正文里写的完全一样（包括扩展名）
image-no-alt = 图片「{ $file }」没有说明文字：请在 ![ ] 的方括号里写上图片的内容，方便看不见图片的读者
