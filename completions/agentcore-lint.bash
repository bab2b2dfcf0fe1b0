# bash completion for agentcore-lint                      -*- shell-script -*-
# Installed by "make install" into the bash-completion folder; or source
# it from ~/.bashrc. Rule IDs and names come from the program itself
# (--list-rules), so they are never out of date.

_agentcore_lint_rules()
{
    "$1" --list-rules 2>/dev/null | while read -r id name _; do
        printf '%s\n%s\n' "$id" "$name"
    done
}

_agentcore_lint()
{
    local cur prev opts
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    opts='--format --output --fail-on --production --no-production --target
          --config --no-config --baseline --enable --disable --select --list-rules
          --explain --color --quiet --max-file-size --stdin-filename
          --write-baseline --show-suppressed --exclude --statistics
          --version --help -f -o -c -q -h
          --fix --fix-dry-run --fix-only --lsp'
    COMPREPLY=()
    case $prev in
    -f|--format)
        mapfile -t COMPREPLY < <(compgen -W 'human sarif json gcc github gitlab junit' -- "$cur")
        return ;;
    --fail-on)
        mapfile -t COMPREPLY < <(compgen -W 'error warning note none' -- "$cur")
        return ;;
    --color)
        mapfile -t COMPREPLY < <(compgen -W 'auto always never' -- "$cur")
        return ;;
    --fix-only)
        # One rule at a time; the list is comma-separated, and each
        # reply keeps the rules already typed before the last comma.
        local typed=${cur%"${cur##*,}"}
        mapfile -t COMPREPLY < <(compgen -P "$typed" -W "$(_agentcore_lint_rules "${COMP_WORDS[0]}")" -- "${cur##*,}")
        return ;;
    --enable|--disable|--select|--explain)
        mapfile -t COMPREPLY < <(compgen -W "$(_agentcore_lint_rules "${COMP_WORDS[0]}")" -- "$cur")
        return ;;
    -o|--output|-c|--config|--baseline|--write-baseline|--stdin-filename)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return ;;
    --target|--max-file-size|--exclude)
        return ;;
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
        return
    fi
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -F _agentcore_lint agentcore-lint
