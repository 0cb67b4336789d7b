_coserr() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="coserr"
                ;;
            coserr,completions)
                cmd="coserr__subcmd__completions"
                ;;
            coserr,decode)
                cmd="coserr__subcmd__decode"
                ;;
            coserr,help)
                cmd="coserr__subcmd__help"
                ;;
            coserr,id)
                cmd="coserr__subcmd__id"
                ;;
            coserr,l)
                cmd="coserr__subcmd__lookup"
                ;;
            coserr,list)
                cmd="coserr__subcmd__list"
                ;;
            coserr,lookup)
                cmd="coserr__subcmd__lookup"
                ;;
            coserr,ls)
                cmd="coserr__subcmd__list"
                ;;
            coserr,man)
                cmd="coserr__subcmd__man"
                ;;
            coserr,s)
                cmd="coserr__subcmd__search"
                ;;
            coserr,search)
                cmd="coserr__subcmd__search"
                ;;
            coserr__subcmd__help,completions)
                cmd="coserr__subcmd__help__subcmd__completions"
                ;;
            coserr__subcmd__help,decode)
                cmd="coserr__subcmd__help__subcmd__decode"
                ;;
            coserr__subcmd__help,help)
                cmd="coserr__subcmd__help__subcmd__help"
                ;;
            coserr__subcmd__help,id)
                cmd="coserr__subcmd__help__subcmd__id"
                ;;
            coserr__subcmd__help,list)
                cmd="coserr__subcmd__help__subcmd__list"
                ;;
            coserr__subcmd__help,lookup)
                cmd="coserr__subcmd__help__subcmd__lookup"
                ;;
            coserr__subcmd__help,man)
                cmd="coserr__subcmd__help__subcmd__man"
                ;;
            coserr__subcmd__help,search)
                cmd="coserr__subcmd__help__subcmd__search"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        coserr)
            opts="-h -V --color --lang --json --no-pager --help --version lookup l search s list ls decode id completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "auto en zh" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__completions)
            opts="-h -V --color --lang --json --no-pager --help --version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "auto en zh" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__decode)
            opts="-h -V --provider --summary --secret-key-env --color --lang --json --no-pager --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "cos ci obs" -- "${cur}"))
                    return 0
                    ;;
                --secret-key-env)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "auto en zh" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help)
            opts="lookup search list decode id completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help__subcmd__decode)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help__subcmd__id)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help__subcmd__lookup)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__help__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__id)
            opts="-h -V --color --lang --json --no-pager --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "auto en zh" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__list)
            opts="-h -V --provider --section --status --retryable --color --lang --json --no-pager --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "cos ci obs" -- "${cur}"))
                    return 0
                    ;;
                --section)
                    COMPREPLY=($(compgen -W "api image-download image-persistence document-preview content-moderation media-processing" -- "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "auto en zh" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__lookup)
            opts="-l -h -V --prefix --long --provider --section --status --retryable --color --lang --json --no-pager --help --version AccessDenied AccessForbidden AccessTimeNotSupported ActionAccelerateNotSupported ActiveWorkflowForbiddenUpdate AllAccessDisabled AppendPositionErr AttachmentFull AuditingJobNotFound BadDigest BadDomainName BadRequest BindedBucketNumLimit BucketAccelerateNotEnabled BucketAlreadyBinded BucketAlreadyExists BucketAlreadyOwnedByYou BucketLocked BucketNameTooLong BucketNotEmpty BucketVersionNotOpen CIRoleNotExist CreatedTemplateNumLimit CustomDomainAreadyExist CustomDomainNotExist DNSRecordVerifyFailed DeregisterUserId DomainAuditFailed DomainConfigConflict DownloadForbidden EntitySizeNotMatch EntityTooLarge EntityTooSmall ExpiredToken FileAlreadyExists FsNotSupport IllegalLocationConstraintException ImageResolutionExceed ImageTooLarge InArrearOrInsufficientBalance IncompleteBody IncorrectNumberOfFilesInPostRequest InsufficientStorageSpace InternalError InvalidAccessKeyId InvalidArgument InvalidAuthorization InvalidBucket InvalidBucketName InvalidBucketState InvalidContent InvalidContentLength InvalidContentType InvalidCopySource InvalidDefaultStorageClass InvalidDelimiter InvalidDigest InvalidEncryptionAlgorithmError InvalidHost InvalidImageFormat InvalidImageSource InvalidLocationConstraint InvalidLockedTime InvalidObjectName InvalidObjectState InvalidPart InvalidPartOrder InvalidPicOperations InvalidPolicyDocument InvalidRange InvalidRedirectLocation InvalidRegionName InvalidRequest InvalidRequestBody InvalidSHA1Digest InvalidTag InvalidTargetBucketForLogging InvalidURI InvalidUploadStatus InvalidUrl InventoryConfigurationNotFoundError InventoryFull JsonAPINotSupportOnMAZBucket KMS.DisabledException KMS.NotFoundException KeyTooLong KeyTooLongError KmsException KmsFreqControl KmsInternalException KmsKeyDisabled KmsKeyNotExist ListPartUploadIdIsEmpty LoggingConfExists LoggingPrefixInvalid MAZOperationNotSupportOnOAZBucket MalformedACLError MalformedError MalformedLoggingStatus MalformedPOSTRequest MalformedPolicy MalformedQuotaError MalformedXML MaxMessageLengthExceeded MediaBucketAlreadyBinded MediaBucketUnBinded MetadataTooLarge MethodNotAllowed MirrorFailed MissingAuthorization MissingContent MissingContentLength MissingRegion MissingRequestBodyError MissingRequiredHeader MissingSecurityHeader MultiAZFeatureNotSupport MultiBucketNotSupport MultipleContentLengths NoBucketQuotaPolicy NoProcessAuthority NoSuchBucket NoSuchBucketPolicy NoSuchCORSConfiguration NoSuchCopySource NoSuchCustomDomain NoSuchEncryptionConfiguration NoSuchJob NoSuchKey NoSuchLifecycleConfiguration NoSuchObjectLockConfiguration NoSuchPolicyVersion NoSuchTagSet NoSuchUpload NoSuchVersion NoSuchWebsiteConfiguration NotImplemented NotSignedUp NotSupportedStorageClass NotifyRuleEventConflict NotifyRulePrefixConflict NotifyRuleSuffixConflict OAZOperationNotSupportOnMAZBucket ObjectLocked ObjectNotAppendable OperationAborted OriginConfigurationNotFoundError PathConflict PathStyleDomainForbidden PaymentRequired PermanentRedirect PolicyFull PolicyVersionFull PreconditionFailed QueueNotFound QueueNumLimit QueuePaused QueueSaturated QuotaConflict QuotaOperationConflict RecordAlreadyExist ReplicationConfigurationNotFoundError RequestTimeTooSkewed RequestTimeout ResourceAccessDenied ResourceDownloadFailed ResourceNotFound ResourceNotSupported RestoreAlreadyInProgress RestoreNonArchiveObject SSEContentNotSupported SSEHeaderNotAllowed SecretidNotExist ServiceNotImplemented ServiceNotSupported ServiceUnavailable SignatureDoesNotMatch SignatureExpired SlowDown SsecDecryptHeaderInvalid TargetBucketNameInvalid TemplateNameDuplicate TemplateNotFound TemporaryRedirect TooManyBuckets TooManyCustomDomains TooManyWrongSignature Unauthorized UnavailableForLegalReasons UnexpectedContent UploadConflict UploadIdNotSupported UserCnameInvalid UserKeyMustBeSpecified UserNetworkTooSlow UserNotSourceBucketOwner UserNotTargetBucketOwner VerifyAlgorithmNotSupported VirtualHostDomainRequired WebsiteRedirect WebsiteURLInvalid WorkFlowNumLimit WriteTargetBucketDenied XMLSizeLimit"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "cos ci obs" -- "${cur}"))
                    return 0
                    ;;
                --section)
                    COMPREPLY=($(compgen -W "api image-download image-persistence document-preview content-moderation media-processing" -- "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "auto en zh" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__man)
            opts="-h -V --dir --color --lang --json --no-pager --help --version lookup search list decode id completions man"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "auto en zh" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        coserr__subcmd__search)
            opts="-l -h -V --long --provider --section --status --retryable --color --lang --json --no-pager --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "cos ci obs" -- "${cur}"))
                    return 0
                    ;;
                --section)
                    COMPREPLY=($(compgen -W "api image-download image-persistence document-preview content-moderation media-processing" -- "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "auto en zh" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _coserr -o nosort -o bashdefault -o default coserr
else
    complete -F _coserr -o bashdefault -o default coserr
fi
