
use builtin;
use str;

set edit:completion:arg-completer[coserr] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'coserr'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'coserr'= {
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand lookup 'Look codes up by name, number, HTTP status or prefix'
            cand l 'Look codes up by name, number, HTTP status or prefix'
            cand search 'Full-text search over codes, descriptions, messages and advice'
            cand s 'Full-text search over codes, descriptions, messages and advice'
            cand list 'List the catalogue as a table'
            cand ls 'List the catalogue as a table'
            cand decode 'Explain the error responses in HTTP output, XML or JSON bodies, SDK messages and logs'
            cand id 'Show when a request ID says its request reached the server'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff), or write every page to a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coserr;lookup'= {
            cand --provider 'Only this provider (repeatable)'
            cand --section 'Only this section (repeatable)'
            cand --status 'Only entries with this HTTP status'
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --prefix 'Take every query as a name prefix'
            cand -l 'Explain every match in full, even when there are several'
            cand --long 'Explain every match in full, even when there are several'
            cand --retryable 'Only entries where retrying the same request can help'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;l'= {
            cand --provider 'Only this provider (repeatable)'
            cand --section 'Only this section (repeatable)'
            cand --status 'Only entries with this HTTP status'
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --prefix 'Take every query as a name prefix'
            cand -l 'Explain every match in full, even when there are several'
            cand --long 'Explain every match in full, even when there are several'
            cand --retryable 'Only entries where retrying the same request can help'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;search'= {
            cand --provider 'Only this provider (repeatable)'
            cand --section 'Only this section (repeatable)'
            cand --status 'Only entries with this HTTP status'
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand -l 'Explain every match in full'
            cand --long 'Explain every match in full'
            cand --retryable 'Only entries where retrying the same request can help'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;s'= {
            cand --provider 'Only this provider (repeatable)'
            cand --section 'Only this section (repeatable)'
            cand --status 'Only entries with this HTTP status'
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand -l 'Explain every match in full'
            cand --long 'Explain every match in full'
            cand --retryable 'Only entries where retrying the same request can help'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;list'= {
            cand --provider 'Only this provider (repeatable)'
            cand --section 'Only this section (repeatable)'
            cand --status 'Only entries with this HTTP status'
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --retryable 'Only entries where retrying the same request can help'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;ls'= {
            cand --provider 'Only this provider (repeatable)'
            cand --section 'Only this section (repeatable)'
            cand --status 'Only entries with this HTTP status'
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --retryable 'Only entries where retrying the same request can help'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;decode'= {
            cand --provider 'Take every error as coming from this provider'
            cand --secret-key-env 'Check signatures with the secret key in this environment variable (by default COS_SECRETKEY, COS_SECRET_KEY, TENCENTCLOUD_SECRET_KEY; OBS_SECRET_ACCESS_KEY, HUAWEI_CLOUD_SECRET_ACCESS_KEY). The key is never printed'
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --summary 'One table of the codes found, with counts, instead of one block per error'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;id'= {
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;completions'= {
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;man'= {
            cand --dir 'Write every page (coserr.1 and one per subcommand, which coserr.1 refers to) into this folder, creating it if need be'
            cand --color 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)'
            cand --lang 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh'
            cand --json 'Print JSON Lines instead of text'
            cand --no-pager 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'coserr;help'= {
            cand lookup 'Look codes up by name, number, HTTP status or prefix'
            cand search 'Full-text search over codes, descriptions, messages and advice'
            cand list 'List the catalogue as a table'
            cand decode 'Explain the error responses in HTTP output, XML or JSON bodies, SDK messages and logs'
            cand id 'Show when a request ID says its request reached the server'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff), or write every page to a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'coserr;help;lookup'= {
        }
        &'coserr;help;search'= {
        }
        &'coserr;help;list'= {
        }
        &'coserr;help;decode'= {
        }
        &'coserr;help;id'= {
        }
        &'coserr;help;completions'= {
        }
        &'coserr;help;man'= {
        }
        &'coserr;help;help'= {
        }
    ]
    $completions[$command]
}
