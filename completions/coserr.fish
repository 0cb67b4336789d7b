# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_coserr_global_optspecs
    string join \n color= lang= json no-pager h/help V/version
end

function __fish_coserr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_coserr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_coserr_using_subcommand
    set -l cmd (__fish_coserr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c coserr -n "__fish_coserr_needs_command" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_needs_command" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_needs_command" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_needs_command" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_needs_command" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_needs_command" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "lookup" -d 'Look codes up by name, number, HTTP status or prefix'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "l" -d 'Look codes up by name, number, HTTP status or prefix'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "search" -d 'Full-text search over codes, descriptions, messages and advice'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "s" -d 'Full-text search over codes, descriptions, messages and advice'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "list" -d 'List the catalogue as a table'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "ls" -d 'List the catalogue as a table'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "decode" -d 'Explain the error responses in HTTP output, XML or JSON bodies, SDK messages and logs'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "id" -d 'Show when a request ID says its request reached the server'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "man" -d 'Print a man page (roff), or write every page to a folder'
complete -c coserr -n "__fish_coserr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l provider -d 'Only this provider (repeatable)' -r -f -a "cos\t''
ci\t''
obs\t''
s3\t''
tencentcloud\t''
curl\t''
apple\t''"
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''
json-api\t''
client\t''
cloud-api\t''
sts\t''"
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l status -d 'Only entries with this HTTP status' -r
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l prefix -d 'Take every query as a name prefix'
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -s l -l long -d 'Explain every match in full, even when there are several'
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l retryable -d 'Only entries where retrying the same request can help'
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand l" -l provider -d 'Only this provider (repeatable)' -r -f -a "cos\t''
ci\t''
obs\t''
s3\t''
tencentcloud\t''
curl\t''
apple\t''"
complete -c coserr -n "__fish_coserr_using_subcommand l" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''
json-api\t''
client\t''
cloud-api\t''
sts\t''"
complete -c coserr -n "__fish_coserr_using_subcommand l" -l status -d 'Only entries with this HTTP status' -r
complete -c coserr -n "__fish_coserr_using_subcommand l" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand l" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand l" -l prefix -d 'Take every query as a name prefix'
complete -c coserr -n "__fish_coserr_using_subcommand l" -s l -l long -d 'Explain every match in full, even when there are several'
complete -c coserr -n "__fish_coserr_using_subcommand l" -l retryable -d 'Only entries where retrying the same request can help'
complete -c coserr -n "__fish_coserr_using_subcommand l" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand l" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand l" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand l" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand search" -l provider -d 'Only this provider (repeatable)' -r -f -a "cos\t''
ci\t''
obs\t''
s3\t''
tencentcloud\t''
curl\t''
apple\t''"
complete -c coserr -n "__fish_coserr_using_subcommand search" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''
json-api\t''
client\t''
cloud-api\t''
sts\t''"
complete -c coserr -n "__fish_coserr_using_subcommand search" -l status -d 'Only entries with this HTTP status' -r
complete -c coserr -n "__fish_coserr_using_subcommand search" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand search" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand search" -s l -l long -d 'Explain every match in full'
complete -c coserr -n "__fish_coserr_using_subcommand search" -l retryable -d 'Only entries where retrying the same request can help'
complete -c coserr -n "__fish_coserr_using_subcommand search" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand search" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand search" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand search" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand s" -l provider -d 'Only this provider (repeatable)' -r -f -a "cos\t''
ci\t''
obs\t''
s3\t''
tencentcloud\t''
curl\t''
apple\t''"
complete -c coserr -n "__fish_coserr_using_subcommand s" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''
json-api\t''
client\t''
cloud-api\t''
sts\t''"
complete -c coserr -n "__fish_coserr_using_subcommand s" -l status -d 'Only entries with this HTTP status' -r
complete -c coserr -n "__fish_coserr_using_subcommand s" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand s" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand s" -s l -l long -d 'Explain every match in full'
complete -c coserr -n "__fish_coserr_using_subcommand s" -l retryable -d 'Only entries where retrying the same request can help'
complete -c coserr -n "__fish_coserr_using_subcommand s" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand s" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand s" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand s" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand list" -l provider -d 'Only this provider (repeatable)' -r -f -a "cos\t''
ci\t''
obs\t''
s3\t''
tencentcloud\t''
curl\t''
apple\t''"
complete -c coserr -n "__fish_coserr_using_subcommand list" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''
json-api\t''
client\t''
cloud-api\t''
sts\t''"
complete -c coserr -n "__fish_coserr_using_subcommand list" -l status -d 'Only entries with this HTTP status' -r
complete -c coserr -n "__fish_coserr_using_subcommand list" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand list" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand list" -l retryable -d 'Only entries where retrying the same request can help'
complete -c coserr -n "__fish_coserr_using_subcommand list" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand list" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand list" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand list" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l provider -d 'Only this provider (repeatable)' -r -f -a "cos\t''
ci\t''
obs\t''
s3\t''
tencentcloud\t''
curl\t''
apple\t''"
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''
json-api\t''
client\t''
cloud-api\t''
sts\t''"
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l status -d 'Only entries with this HTTP status' -r
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l retryable -d 'Only entries where retrying the same request can help'
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand ls" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand ls" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand decode" -l provider -d 'Take every error as coming from this provider' -r -f -a "cos\t''
ci\t''
obs\t''"
complete -c coserr -n "__fish_coserr_using_subcommand decode" -l secret-key-env -d 'Check signatures with the secret key in this environment variable (by default COS_SECRETKEY, COS_SECRET_KEY, TENCENTCLOUD_SECRET_KEY; OBS_SECRET_ACCESS_KEY, HUAWEI_CLOUD_SECRET_ACCESS_KEY). The key is never printed' -r
complete -c coserr -n "__fish_coserr_using_subcommand decode" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand decode" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand decode" -l summary -d 'One table of the codes found, with counts, instead of one block per error'
complete -c coserr -n "__fish_coserr_using_subcommand decode" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand decode" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand decode" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand decode" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand id" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand id" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand id" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand id" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand id" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand id" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand completions" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand completions" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand completions" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand completions" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand completions" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand completions" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand man" -l dir -d 'Write every page (coserr.1 and one per subcommand, which coserr.1 refers to) into this folder, creating it if need be' -r -F
complete -c coserr -n "__fish_coserr_using_subcommand man" -l color -d 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c coserr -n "__fish_coserr_using_subcommand man" -l lang -d 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh' -r -f -a "auto\t''
en\t''
zh\t''"
complete -c coserr -n "__fish_coserr_using_subcommand man" -l json -d 'Print JSON Lines instead of text'
complete -c coserr -n "__fish_coserr_using_subcommand man" -l no-pager -d 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
complete -c coserr -n "__fish_coserr_using_subcommand man" -s h -l help -d 'Print help'
complete -c coserr -n "__fish_coserr_using_subcommand man" -s V -l version -d 'Print version'
complete -c coserr -n "__fish_coserr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list decode id completions man help" -f -a "lookup" -d 'Look codes up by name, number, HTTP status or prefix'
complete -c coserr -n "__fish_coserr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list decode id completions man help" -f -a "search" -d 'Full-text search over codes, descriptions, messages and advice'
complete -c coserr -n "__fish_coserr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list decode id completions man help" -f -a "list" -d 'List the catalogue as a table'
complete -c coserr -n "__fish_coserr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list decode id completions man help" -f -a "decode" -d 'Explain the error responses in HTTP output, XML or JSON bodies, SDK messages and logs'
complete -c coserr -n "__fish_coserr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list decode id completions man help" -f -a "id" -d 'Show when a request ID says its request reached the server'
complete -c coserr -n "__fish_coserr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list decode id completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c coserr -n "__fish_coserr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list decode id completions man help" -f -a "man" -d 'Print a man page (roff), or write every page to a folder'
complete -c coserr -n "__fish_coserr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list decode id completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c coserr -n "__fish_coserr_using_subcommand lookup l" -f -a "AccessControlListNotSupported AccessDenied AccessForbidden AccessPointAlreadyOwnedByYou AccessTimeNotSupported AccountProblem ActionAccelerateNotSupported ActionOffline ActiveWorkflowForbiddenUpdate AllAccessDisabled AlreadyFinished AmbiguousGrantByEmailAddress AppendPositionErr AttachmentFull AuditingJobNotFound AuthFailure.AccessKeyIllegal AuthFailure.InvalidAuthorization AuthFailure.InvalidSecretId AuthFailure.MFAFailure AuthFailure.SecretIdNotFound AuthFailure.SignatureExpire AuthFailure.SignatureFailure AuthFailure.TokenFailure AuthFailure.UnauthorizedOperation AuthorizationHeaderMalformed AuthorizationQueryParametersError BadDigest BadDomainName BadRequest BindedBucketNumLimit BucketAccelerateNotEnabled BucketAlreadyBinded BucketAlreadyExists BucketAlreadyOwnedByYou BucketHasAccessPointsAttached BucketLocked BucketNameTooLong BucketNotEmpty BucketVersionNotOpen CIRoleNotExist CURLE_ABORTED_BY_CALLBACK CURLE_AGAIN CURLE_AUTH_ERROR CURLE_BAD_CONTENT_ENCODING CURLE_BAD_DOWNLOAD_RESUME CURLE_BAD_FUNCTION_ARGUMENT CURLE_CHUNK_FAILED CURLE_COULDNT_CONNECT CURLE_COULDNT_RESOLVE_HOST CURLE_COULDNT_RESOLVE_PROXY CURLE_ECH_REQUIRED CURLE_FAILED_INIT CURLE_FILESIZE_EXCEEDED CURLE_FILE_COULDNT_READ_FILE CURLE_FTP_ACCEPT_FAILED CURLE_FTP_ACCEPT_TIMEOUT CURLE_FTP_BAD_FILE_LIST CURLE_FTP_CANT_GET_HOST CURLE_FTP_COULDNT_RETR_FILE CURLE_FTP_COULDNT_SET_TYPE CURLE_FTP_COULDNT_USE_REST CURLE_FTP_PORT_FAILED CURLE_FTP_PRET_FAILED CURLE_FTP_WEIRD_227_FORMAT CURLE_FTP_WEIRD_PASS_REPLY CURLE_FTP_WEIRD_PASV_REPLY CURLE_GOT_NOTHING CURLE_HTTP2 CURLE_HTTP2_STREAM CURLE_HTTP3 CURLE_HTTP_RETURNED_ERROR CURLE_INTERFACE_FAILED CURLE_LDAP_CANNOT_BIND CURLE_LDAP_SEARCH_FAILED CURLE_LOGIN_DENIED CURLE_NOT_BUILT_IN CURLE_NO_CONNECTION_AVAILABLE CURLE_OBSOLETE20 CURLE_OBSOLETE24 CURLE_OBSOLETE29 CURLE_OBSOLETE32 CURLE_OBSOLETE34 CURLE_OBSOLETE40 CURLE_OBSOLETE41 CURLE_OBSOLETE44 CURLE_OBSOLETE46 CURLE_OBSOLETE50 CURLE_OBSOLETE51 CURLE_OBSOLETE57 CURLE_OBSOLETE62 CURLE_OBSOLETE75 CURLE_OBSOLETE76 CURLE_OPERATION_TIMEDOUT CURLE_OUT_OF_MEMORY CURLE_PARTIAL_FILE CURLE_PEER_FAILED_VERIFICATION CURLE_PROXY CURLE_QUIC_CONNECT_ERROR CURLE_QUOTE_ERROR CURLE_RANGE_ERROR CURLE_READ_ERROR CURLE_RECURSIVE_API_CALL CURLE_RECV_ERROR CURLE_REMOTE_ACCESS_DENIED CURLE_REMOTE_DISK_FULL CURLE_REMOTE_FILE_EXISTS CURLE_REMOTE_FILE_NOT_FOUND CURLE_RTSP_CSEQ_ERROR CURLE_RTSP_SESSION_ERROR CURLE_SEND_ERROR CURLE_SEND_FAIL_REWIND CURLE_SETOPT_OPTION_SYNTAX CURLE_SSH CURLE_SSL_CACERT_BADFILE CURLE_SSL_CERTPROBLEM CURLE_SSL_CIPHER CURLE_SSL_CLIENTCERT CURLE_SSL_CONNECT_ERROR CURLE_SSL_CRL_BADFILE CURLE_SSL_ENGINE_INITFAILED CURLE_SSL_ENGINE_NOTFOUND CURLE_SSL_ENGINE_SETFAILED CURLE_SSL_INVALIDCERTSTATUS CURLE_SSL_ISSUER_ERROR CURLE_SSL_PINNEDPUBKEYNOTMATCH CURLE_SSL_SHUTDOWN_FAILED CURLE_TFTP_ILLEGAL CURLE_TFTP_NOSUCHUSER CURLE_TFTP_NOTFOUND CURLE_TFTP_PERM CURLE_TFTP_UNKNOWNID CURLE_TOO_LARGE CURLE_TOO_MANY_REDIRECTS CURLE_UNKNOWN_OPTION CURLE_UNRECOVERABLE_POLL CURLE_UNSUPPORTED_PROTOCOL CURLE_UPLOAD_FAILED CURLE_URL_MALFORMAT CURLE_USE_SSL_FAILED CURLE_WEIRD_SERVER_REPLY CURLE_WRITE_ERROR ClientProtocolException ClientTokenConflict ConditionalRequestConflict ConnectionClosedByRequester ConnectionTimeout CreatedTemplateNumLimit CredentialsNotSupported CrossLocationLoggingProhibited CustomDomainAreadyExist CustomDomainNotExist DNSRecordVerifyFailed DataIntegrityError DeregisterUserId DeviceNotActiveError DomainAuditFailed DomainConfigConflict DownloadForbidden DryRunOperation DuplicateTask ERROR_PROXY_AUTH_APPID_NOEXIST ERROR_PROXY_AUTH_EXPIRED ERROR_PROXY_AUTH_FAILED ERROR_PROXY_AUTH_INVOKE ERROR_PROXY_AUTH_SECRETID_NOEXIST ERROR_PROXY_AUTH_SIGN_EMPTY ERROR_PROXY_AUTH_UNPACK ERROR_PROXY_DECODE_CMD ERROR_PROXY_DECODE_PROCESS_RSP ERROR_PROXY_ENCODE_CMD ERROR_PROXY_GET_CONFIG ERROR_PROXY_GET_PROCESS_L5 ERROR_PROXY_INVALID_APPID ERROR_PROXY_INVALID_PROTOCOL ERROR_PROXY_NO_SESSION ERROR_PROXY_ROUTE_CMD ERROR_PROXY_ROUTE_PROCESS ERROR_PROXY_WRONG_SESSION ETagNotFound EndpointNotFound EntitySizeNotMatch EntityTooLarge EntityTooSmall ExpiredToken FailedOperation FailedOperation.CheckMFAError FailedOperation.MFATypeNotSupported FailedOperation.TempKeyNotAllowed FileAlreadyExists FsNotSupport HostConnect IOError IllegalLocationConstraintException IllegalVersioningConfigurationException ImageResolutionExceed ImageTooLarge InArrearOrInsufficientBalance IncompleteBody IncompleteData IncorrectEndpoint IncorrectNumberOfFilesInPostRequest InlineDataTooLarge InsufficientStorageSpace InternalError InternalError.DbError InternalError.EncryptError InternalError.GetAppIdError InternalError.GetRoleError InternalError.GetSeedTokenError InternalError.IllegalRole InternalError.PbSerializeError InternalError.SystemError InternalError.UnknownError InvalidAccessKeyId InvalidAccessPoint InvalidAccessPointAliasError InvalidAction InvalidAddressingHeader InvalidArgument InvalidAuthorization InvalidBucket InvalidBucketAclWithObjectOwnership InvalidBucketName InvalidBucketOwnerAWSAccountID InvalidBucketState InvalidContent InvalidContentLength InvalidContentType InvalidCopySource InvalidCredentials InvalidDefaultStorageClass InvalidDelimiter InvalidDigest InvalidEncryptionAlgorithmError InvalidHost InvalidHostHeader InvalidHttpMethod InvalidImageFormat InvalidImageSource InvalidLocationConstraint InvalidLockedTime InvalidObjectName InvalidObjectState InvalidParameter InvalidParameter.AccessKeyNotSupport InvalidParameter.AccountNotAvaliable InvalidParameter.ExtendStrategyOverSize InvalidParameter.GrantOtherResource InvalidParameter.OverLimit InvalidParameter.OverTimeError InvalidParameter.ParamError InvalidParameter.PolicyTooLong InvalidParameter.ResouceError InvalidParameter.StrategyFormatError InvalidParameter.StrategyInvalid InvalidParameter.TempCodeNotAvaliable InvalidParameter.WebIdentityTokenError InvalidParameterValue InvalidPart InvalidPartOrder InvalidPayer InvalidPicOperations InvalidPolicyDocument InvalidRange InvalidRedirectLocation InvalidRegion InvalidRegionName InvalidRequest InvalidRequestBody InvalidSHA1Digest InvalidSOAPRequest InvalidSecurity InvalidSessionException InvalidSignature InvalidStorageClass InvalidTag InvalidTargetBucketForLogging InvalidToken InvalidURI InvalidUploadStatus InvalidUrl InventoryConfigurationNotFoundError InventoryFull IpInBlacklist IpNotInWhitelist JsonAPINotSupportOnMAZBucket KMS.DisabledException KMS.InvalidKeyUsageException KMS.KMSInvalidStateException KMS.NotFoundException KMSError KeyTooLong KeyTooLongError KmsException KmsFreqControl KmsInternalException KmsKeyDisabled KmsKeyNotExist LimitExceeded ListPartUploadIdIsEmpty LoggingConfExists LoggingPrefixInvalid MAZOperationNotSupportOnOAZBucket MalformedACLError MalformedError MalformedLoggingStatus MalformedPOSTRequest MalformedPolicy MalformedQuotaError MalformedXML MaxMessageLengthExceeded MaxPostPreDataLengthExceededError MediaBucketAlreadyBinded MediaBucketUnBinded MetadataTooLarge MethodNotAllowed MirrorFailed MissingAttachment MissingAuthenticationToken MissingAuthorization MissingContent MissingContentLength MissingParameter MissingRegion MissingRequestBodyError MissingRequiredHeader MissingSecurityElement MissingSecurityHeader MultiAZFeatureNotSupport MultiBucketNotSupport MultipleContentLengths NSURLErrorAppTransportSecurityRequiresSecureConnection NSURLErrorBackgroundSessionInUseByAnotherProcess NSURLErrorBackgroundSessionRequiresSharedContainer NSURLErrorBackgroundSessionWasDisconnected NSURLErrorBadServerResponse NSURLErrorBadURL NSURLErrorCallIsActive NSURLErrorCancelled NSURLErrorCannotCloseFile NSURLErrorCannotConnectToHost NSURLErrorCannotCreateFile NSURLErrorCannotDecodeContentData NSURLErrorCannotDecodeRawData NSURLErrorCannotFindHost NSURLErrorCannotLoadFromNetwork NSURLErrorCannotMoveFile NSURLErrorCannotOpenFile NSURLErrorCannotParseResponse NSURLErrorCannotRemoveFile NSURLErrorCannotWriteToFile NSURLErrorClientCertificateRejected NSURLErrorClientCertificateRequired NSURLErrorDNSLookupFailed NSURLErrorDataLengthExceedsMaximum NSURLErrorDataNotAllowed NSURLErrorDownloadDecodingFailedMidStream NSURLErrorDownloadDecodingFailedToComplete NSURLErrorFileDoesNotExist NSURLErrorFileIsDirectory NSURLErrorHTTPTooManyRedirects NSURLErrorInternationalRoamingOff NSURLErrorNetworkConnectionLost NSURLErrorNoPermissionsToReadFile NSURLErrorNotConnectedToInternet NSURLErrorRedirectToNonExistentLocation NSURLErrorRequestBodyStreamExhausted NSURLErrorResourceUnavailable NSURLErrorSecureConnectionFailed NSURLErrorServerCertificateHasBadDate NSURLErrorServerCertificateHasUnknownRoot NSURLErrorServerCertificateNotYetValid NSURLErrorServerCertificateUntrusted NSURLErrorTimedOut NSURLErrorUnknown NSURLErrorUnsupportedURL NSURLErrorUserAuthenticationRequired NSURLErrorUserCancelledAuthentication NSURLErrorZeroByteResource NetworkError NoBucketQuotaPolicy NoLoggingStatusForKey NoProcessAuthority NoSuchAccessPoint NoSuchAsyncRequest NoSuchBucket NoSuchBucketPolicy NoSuchCORSConfiguration NoSuchCopySource NoSuchCustomDomain NoSuchEncryptionConfiguration NoSuchJob NoSuchKey NoSuchLifecycleConfiguration NoSuchMultiRegionAccessPoint NoSuchObjectLockConfiguration NoSuchPolicyVersion NoSuchProduct NoSuchTagSet NoSuchUpload NoSuchVersion NoSuchWebsiteConfiguration NoTransformationDefined NotDeviceOwnerError NotImplemented NotModified NotSignedUp NotSupportedStorageClass NotifyRuleEventConflict NotifyRulePrefixConflict NotifyRuleSuffixConflict OAZOperationNotSupportOnMAZBucket OBS_STATUS_AbortedByCallback OBS_STATUS_AccessDenied OBS_STATUS_AccessLabelNotFound OBS_STATUS_AccountProblem OBS_STATUS_AmbiguousGrantByEmailAddress OBS_STATUS_BadAccessLabel OBS_STATUS_BadCacheControl OBS_STATUS_BadContentDispositionFilename OBS_STATUS_BadContentEncoding OBS_STATUS_BadContentType OBS_STATUS_BadDigest OBS_STATUS_BadGrantee OBS_STATUS_BadIfMatchEtag OBS_STATUS_BadIfNotMatchEtag OBS_STATUS_BadMd5 OBS_STATUS_BadPermission OBS_STATUS_BucketAlreadyExists OBS_STATUS_BucketAlreadyOwnedByYou OBS_STATUS_BucketNotEmpty OBS_STATUS_CacheControlTooLong OBS_STATUS_ConnectionFailed OBS_STATUS_ContentDispositionFilenameTooLong OBS_STATUS_ContentEncodingTooLong OBS_STATUS_ContentTypeTooLong OBS_STATUS_CredentialsNotSupported OBS_STATUS_CrossLocationLoggingProhibited OBS_STATUS_EmailAddressTooLong OBS_STATUS_EmptyFile OBS_STATUS_EntityTooLarge OBS_STATUS_EntityTooSmall OBS_STATUS_ErrorUnknown OBS_STATUS_ExpiredToken OBS_STATUS_FailedToConnect OBS_STATUS_FailedToIInitializeRequest OBS_STATUS_FsNotSupport OBS_STATUS_GET_UPLOAD_ID_FAILED OBS_STATUS_GroupUriTooLong OBS_STATUS_HttpErrorBadRequest OBS_STATUS_HttpErrorConflict OBS_STATUS_HttpErrorForbidden OBS_STATUS_HttpErrorMovedTemporarily OBS_STATUS_HttpErrorNotFound OBS_STATUS_HttpErrorUnknown OBS_STATUS_IfMatchEtagTooLong OBS_STATUS_IfNotMatchEtagTooLong OBS_STATUS_IllegalVersioningConfigurationException OBS_STATUS_InArrearOrInsufficientBalance OBS_STATUS_IncompleteBody OBS_STATUS_IncorrectNumberOfFilesInPostRequest OBS_STATUS_InitCurlFailed OBS_STATUS_InlineDataTooLarge OBS_STATUS_InsufficientStorageSpace OBS_STATUS_InternalError OBS_STATUS_Interrupted OBS_STATUS_InvalidAccessKeyId OBS_STATUS_InvalidAddressingHeader OBS_STATUS_InvalidArgument OBS_STATUS_InvalidBucketName OBS_STATUS_InvalidBucketState OBS_STATUS_InvalidDigest OBS_STATUS_InvalidKey OBS_STATUS_InvalidLocationConstraint OBS_STATUS_InvalidObjectState OBS_STATUS_InvalidParameter OBS_STATUS_InvalidPart OBS_STATUS_InvalidPartOrder OBS_STATUS_InvalidPayer OBS_STATUS_InvalidPolicyDocument OBS_STATUS_InvalidRange OBS_STATUS_InvalidRedirectLocation OBS_STATUS_InvalidRequest OBS_STATUS_InvalidRequestBody OBS_STATUS_InvalidSOAPRequest OBS_STATUS_InvalidSecurity OBS_STATUS_InvalidStorageClass OBS_STATUS_InvalidTargetBucketForLogging OBS_STATUS_InvalidToken OBS_STATUS_InvalidURI OBS_STATUS_JSON_CREATE_ERROR OBS_STATUS_JSON_PARSE_ERROR OBS_STATUS_MalformedACLError OBS_STATUS_MalformedPOSTRequest OBS_STATUS_MalformedPolicy OBS_STATUS_MalformedXML OBS_STATUS_MaxMessageLengthExceeded OBS_STATUS_MaxPostPreDataLengthExceededError OBS_STATUS_Md5TooLong OBS_STATUS_MetadataHeadersTooLong OBS_STATUS_MetadataNameDuplicate OBS_STATUS_MetadataTooLarge OBS_STATUS_MethodNotAllowed OBS_STATUS_MissingAttachment OBS_STATUS_MissingContentLength OBS_STATUS_MissingRequestBodyError OBS_STATUS_MissingSecurityElement OBS_STATUS_MissingSecurityHeader OBS_STATUS_NULL_HOSTNAME OBS_STATUS_NULL_SECRETE_ACCESS_KEY OBS_STATUS_NameLookupError OBS_STATUS_NoLoggingStatusForKey OBS_STATUS_NoSuchBucket OBS_STATUS_NoSuchBucketPolicy OBS_STATUS_NoSuchCORSConfiguration OBS_STATUS_NoSuchKey OBS_STATUS_NoSuchLifecycleConfiguration OBS_STATUS_NoSuchTagSet OBS_STATUS_NoSuchTrashConfiguration OBS_STATUS_NoSuchUpload OBS_STATUS_NoSuchVersion OBS_STATUS_NoSuchWebsiteConfiguration OBS_STATUS_NoToken OBS_STATUS_NotImplemented OBS_STATUS_NotSignedUp OBS_STATUS_NotSuchBucketPolicy OBS_STATUS_OpenFileFailed OBS_STATUS_OperationAborted OBS_STATUS_OutOfMemory OBS_STATUS_PartialFile OBS_STATUS_PermanentRedirect OBS_STATUS_PermissionTooLong OBS_STATUS_PreconditionFailed OBS_STATUS_QueryParamsTooLong OBS_STATUS_QuotaTooSmall OBS_STATUS_Redirect OBS_STATUS_RequestIsNotMultiPartContent OBS_STATUS_RequestTimeTooSkewed OBS_STATUS_RequestTimeout OBS_STATUS_RequestTorrentOfBucketError OBS_STATUS_RestoreAlreadyInProgress OBS_STATUS_Security_Function_Failed OBS_STATUS_ServerFailedVerification OBS_STATUS_ServiceUnavailable OBS_STATUS_SignatureDoesNotMatch OBS_STATUS_SlowDown OBS_STATUS_TemporaryRedirect OBS_STATUS_TokenRefreshRequired OBS_STATUS_TooManyBuckets OBS_STATUS_TooManyGrants OBS_STATUS_UnexpectedContent OBS_STATUS_UnresolvableGrantByEmailAddress OBS_STATUS_UriTooLong OBS_STATUS_UserDisplayNameTooLong OBS_STATUS_UserIdTooLong OBS_STATUS_UserKeyMustBeSpecified OBS_STATUS_XmlDocumentTooLarge OBS_STATUS_XmlParseFailure ObjectLockConfigurationNotFoundError ObjectLocked ObjectNotAppendable OperationAborted OriginConfigurationNotFoundError OwnershipControlsNotFoundError PathConflict PathStyleDomainForbidden PaymentRequired PermanentRedirect PermanentRedirectControlError PolicyFull PolicyVersionFull PreconditionFailed QueueNotFound QueueNumLimit QueuePaused QueueSaturated QuotaConflict QuotaOperationConflict RecordAlreadyExist Redirect ReplicationConfigurationNotFoundError RequestHeaderSectionTooLarge RequestIsNotMultiPartContent RequestLimitExceeded RequestLimitExceeded.GlobalRegionUinLimitExceeded RequestLimitExceeded.IPLimitExceeded RequestLimitExceeded.UinLimitExceeded RequestSizeLimitExceeded RequestTimeTooSkewed RequestTimeout RequestTorrentOfBucketError ResourceAccessDenied ResourceDownloadFailed ResourceInUse ResourceInsufficient ResourceNotFound ResourceNotFound.RoleNotFound ResourceNotSupported ResourceUnavailable ResponseInterrupted ResponseSizeLimitExceeded RestoreAlreadyInProgress RestoreNonArchiveObject SSEContentNotSupported SSEHeaderNotAllowed SecretidNotExist ServerError ServerSideEncryptionConfigurationNotFoundError ServiceNotImplemented ServiceNotSupported ServiceUnavailable SignatureDoesNotMatch SignatureExpired SinkSourceNotFound SlowDown SocketTimeout SocketTimeoutException SsecDecryptHeaderInvalid TagPolicyException TargetBucketNameInvalid TemplateNameDuplicate TemplateNotFound TemporaryRedirect TokenCodeInvalidError TokenRefreshRequired TooManyAccessPoints TooManyBuckets TooManyCustomDomains TooManyMultiRegionAccessPointregionsError TooManyMultiRegionAccessPoints TooManyWrongSignature UNKNOWN Unauthorized UnauthorizedAccessError UnauthorizedOperation UnavailableForLegalReasons UnexpectedContent UnexpectedIPError Unknown UnknownHost UnknownParameter UnresolvableGrantByEmailAddress UnsupportOperation UnsupportedArgument UnsupportedOperation UnsupportedProtocol UnsupportedRegion UnsupportedSignature UploadConflict UploadIdNotSupported UserCancelled UserCnameInvalid UserKeyMustBeSpecified UserNetworkTooSlow UserNotSourceBucketOwner UserNotTargetBucketOwner VerifyAlgorithmNotSupported VirtualHostDomainRequired WebsiteRedirect WebsiteURLInvalid WorkFlowNumLimit WriteTargetBucketDenied XMLSizeLimit"
