# What went wrong with a file or the network, in everyday words
# (i18n::io_error).

io-kind-not-found = no such file or folder
io-kind-permission = permission denied
io-kind-exists = a file of that name already exists
io-kind-full = the disk is full
io-kind-read-only = the disk is read-only
io-kind-is-dir = it is a folder, not a file
io-kind-not-dir = a part of the path is a file, not a folder
io-kind-not-empty = the folder is not empty
io-kind-bad-name = the file name cannot be used
io-kind-invalid-data = the file is not valid text
io-kind-addr-in-use = another program is using this port
io-kind-addr-unavailable = this machine has no such address
io-kind-other = the system said: { $detail }
