
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'coserr' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'coserr'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'coserr' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Look codes up by name, number, HTTP status or prefix')
            [CompletionResult]::new('l', 'l', [CompletionResultType]::ParameterValue, 'Look codes up by name, number, HTTP status or prefix')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search over codes, descriptions, messages and advice')
            [CompletionResult]::new('s', 's', [CompletionResultType]::ParameterValue, 'Full-text search over codes, descriptions, messages and advice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the catalogue as a table')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the catalogue as a table')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Explain the error responses in HTTP output, XML or JSON bodies, SDK messages and logs')
            [CompletionResult]::new('id', 'id', [CompletionResultType]::ParameterValue, 'Show when a request ID says its request reached the server')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff), or write every page to a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coserr;lookup' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable)')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Only this section (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only entries with this HTTP status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Take every query as a name prefix')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Explain every match in full, even when there are several')
            [CompletionResult]::new('--long', '--long', [CompletionResultType]::ParameterName, 'Explain every match in full, even when there are several')
            [CompletionResult]::new('--retryable', '--retryable', [CompletionResultType]::ParameterName, 'Only entries where retrying the same request can help')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;l' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable)')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Only this section (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only entries with this HTTP status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Take every query as a name prefix')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Explain every match in full, even when there are several')
            [CompletionResult]::new('--long', '--long', [CompletionResultType]::ParameterName, 'Explain every match in full, even when there are several')
            [CompletionResult]::new('--retryable', '--retryable', [CompletionResultType]::ParameterName, 'Only entries where retrying the same request can help')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;search' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable)')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Only this section (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only entries with this HTTP status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Explain every match in full')
            [CompletionResult]::new('--long', '--long', [CompletionResultType]::ParameterName, 'Explain every match in full')
            [CompletionResult]::new('--retryable', '--retryable', [CompletionResultType]::ParameterName, 'Only entries where retrying the same request can help')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;s' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable)')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Only this section (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only entries with this HTTP status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Explain every match in full')
            [CompletionResult]::new('--long', '--long', [CompletionResultType]::ParameterName, 'Explain every match in full')
            [CompletionResult]::new('--retryable', '--retryable', [CompletionResultType]::ParameterName, 'Only entries where retrying the same request can help')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;list' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable)')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Only this section (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only entries with this HTTP status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--retryable', '--retryable', [CompletionResultType]::ParameterName, 'Only entries where retrying the same request can help')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;ls' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (repeatable)')
            [CompletionResult]::new('--section', '--section', [CompletionResultType]::ParameterName, 'Only this section (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only entries with this HTTP status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--retryable', '--retryable', [CompletionResultType]::ParameterName, 'Only entries where retrying the same request can help')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;decode' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Take every error as coming from this provider')
            [CompletionResult]::new('--secret-key-env', '--secret-key-env', [CompletionResultType]::ParameterName, 'Check signatures with the secret key in this environment variable (by default COS_SECRETKEY, COS_SECRET_KEY, TENCENTCLOUD_SECRET_KEY; OBS_SECRET_ACCESS_KEY, HUAWEI_CLOUD_SECRET_ACCESS_KEY). The key is never printed')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'One table of the codes found, with counts, instead of one block per error')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;id' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page (coserr.1 and one per subcommand, which coserr.1 refers to) into this folder, creating it if need be')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours: auto means stdout is a terminal and NO_COLOR is unset or empty (CLICOLOR_FORCE forces colour)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the descriptions: zh shows the Chinese text where the documents give one; auto picks zh when LC_ALL, LC_MESSAGES or LANG starts with zh')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines instead of text')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page: on a terminal, output longer than the screen goes through $COSERR_PAGER, else $PAGER, else `less -FRX`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'coserr;help' {
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Look codes up by name, number, HTTP status or prefix')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search over codes, descriptions, messages and advice')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the catalogue as a table')
            [CompletionResult]::new('decode', 'decode', [CompletionResultType]::ParameterValue, 'Explain the error responses in HTTP output, XML or JSON bodies, SDK messages and logs')
            [CompletionResult]::new('id', 'id', [CompletionResultType]::ParameterValue, 'Show when a request ID says its request reached the server')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff), or write every page to a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'coserr;help;lookup' {
            break
        }
        'coserr;help;search' {
            break
        }
        'coserr;help;list' {
            break
        }
        'coserr;help;decode' {
            break
        }
        'coserr;help;id' {
            break
        }
        'coserr;help;completions' {
            break
        }
        'coserr;help;man' {
            break
        }
        'coserr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
