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
obs\t''"
complete -c coserr -n "__fish_coserr_using_subcommand lookup" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''"
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
obs\t''"
complete -c coserr -n "__fish_coserr_using_subcommand l" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''"
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
obs\t''"
complete -c coserr -n "__fish_coserr_using_subcommand search" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''"
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
obs\t''"
complete -c coserr -n "__fish_coserr_using_subcommand s" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''"
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
obs\t''"
complete -c coserr -n "__fish_coserr_using_subcommand list" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''"
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
obs\t''"
complete -c coserr -n "__fish_coserr_using_subcommand ls" -l section -d 'Only this section (repeatable)' -r -f -a "api\t''
image-download\t''
image-persistence\t''
document-preview\t''
content-moderation\t''
media-processing\t''"
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
complete -c coserr -n "__fish_coserr_using_subcommand lookup l" -f -a "AccessDenied AccessForbidden AccessTimeNotSupported ActionAccelerateNotSupported ActiveWorkflowForbiddenUpdate AllAccessDisabled AppendPositionErr AttachmentFull AuditingJobNotFound BadDigest BadDomainName BadRequest BindedBucketNumLimit BucketAccelerateNotEnabled BucketAlreadyBinded BucketAlreadyExists BucketAlreadyOwnedByYou BucketLocked BucketNameTooLong BucketNotEmpty BucketVersionNotOpen CIRoleNotExist CreatedTemplateNumLimit CustomDomainAreadyExist CustomDomainNotExist DNSRecordVerifyFailed DeregisterUserId DomainAuditFailed DomainConfigConflict DownloadForbidden EntitySizeNotMatch EntityTooLarge EntityTooSmall ExpiredToken FileAlreadyExists FsNotSupport IllegalLocationConstraintException ImageResolutionExceed ImageTooLarge InArrearOrInsufficientBalance IncompleteBody IncorrectNumberOfFilesInPostRequest InsufficientStorageSpace InternalError InvalidAccessKeyId InvalidArgument InvalidAuthorization InvalidBucket InvalidBucketName InvalidBucketState InvalidContent InvalidContentLength InvalidContentType InvalidCopySource InvalidDefaultStorageClass InvalidDelimiter InvalidDigest InvalidEncryptionAlgorithmError InvalidHost InvalidImageFormat InvalidImageSource InvalidLocationConstraint InvalidLockedTime InvalidObjectName InvalidObjectState InvalidPart InvalidPartOrder InvalidPicOperations InvalidPolicyDocument InvalidRange InvalidRedirectLocation InvalidRegionName InvalidRequest InvalidRequestBody InvalidSHA1Digest InvalidTag InvalidTargetBucketForLogging InvalidURI InvalidUploadStatus InvalidUrl InventoryConfigurationNotFoundError InventoryFull JsonAPINotSupportOnMAZBucket KMS.DisabledException KMS.NotFoundException KeyTooLong KeyTooLongError KmsException KmsFreqControl KmsInternalException KmsKeyDisabled KmsKeyNotExist ListPartUploadIdIsEmpty LoggingConfExists LoggingPrefixInvalid MAZOperationNotSupportOnOAZBucket MalformedACLError MalformedError MalformedLoggingStatus MalformedPOSTRequest MalformedPolicy MalformedQuotaError MalformedXML MaxMessageLengthExceeded MediaBucketAlreadyBinded MediaBucketUnBinded MetadataTooLarge MethodNotAllowed MirrorFailed MissingAuthorization MissingContent MissingContentLength MissingRegion MissingRequestBodyError MissingRequiredHeader MissingSecurityHeader MultiAZFeatureNotSupport MultiBucketNotSupport MultipleContentLengths NoBucketQuotaPolicy NoProcessAuthority NoSuchBucket NoSuchBucketPolicy NoSuchCORSConfiguration NoSuchCopySource NoSuchCustomDomain NoSuchEncryptionConfiguration NoSuchJob NoSuchKey NoSuchLifecycleConfiguration NoSuchObjectLockConfiguration NoSuchPolicyVersion NoSuchTagSet NoSuchUpload NoSuchVersion NoSuchWebsiteConfiguration NotImplemented NotSignedUp NotSupportedStorageClass NotifyRuleEventConflict NotifyRulePrefixConflict NotifyRuleSuffixConflict OAZOperationNotSupportOnMAZBucket ObjectLocked ObjectNotAppendable OperationAborted OriginConfigurationNotFoundError PathConflict PathStyleDomainForbidden PaymentRequired PermanentRedirect PolicyFull PolicyVersionFull PreconditionFailed QueueNotFound QueueNumLimit QueuePaused QueueSaturated QuotaConflict QuotaOperationConflict RecordAlreadyExist ReplicationConfigurationNotFoundError RequestTimeTooSkewed RequestTimeout ResourceAccessDenied ResourceDownloadFailed ResourceNotFound ResourceNotSupported RestoreAlreadyInProgress RestoreNonArchiveObject SSEContentNotSupported SSEHeaderNotAllowed SecretidNotExist ServiceNotImplemented ServiceNotSupported ServiceUnavailable SignatureDoesNotMatch SignatureExpired SlowDown SsecDecryptHeaderInvalid TargetBucketNameInvalid TemplateNameDuplicate TemplateNotFound TemporaryRedirect TooManyBuckets TooManyCustomDomains TooManyWrongSignature Unauthorized UnavailableForLegalReasons UnexpectedContent UploadConflict UploadIdNotSupported UserCnameInvalid UserKeyMustBeSpecified UserNetworkTooSlow UserNotSourceBucketOwner UserNotTargetBucketOwner VerifyAlgorithmNotSupported VirtualHostDomainRequired WebsiteRedirect WebsiteURLInvalid WorkFlowNumLimit WriteTargetBucketDenied XMLSizeLimit"
