import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `completion bash|zsh|fish`: scripts that ask the tool itself for candidates.
enum CompletionCommands {
    private static let shell = ArgumentSpec(
        name: "shell", arity: .required, help: "bash, zsh or fish", completion: .words(["bash", "fish", "zsh"]))

    /// The family's commands.
    static let all: [CommandSpec] = [completion]

    static let completion = CommandSpec(
        path: ["completion"], summary: "Print a shell completion script (bash, zsh or fish)",
        arguments: [shell],
        examples: [
            Example(
                command: "completion bash > /etc/bash_completion.d/checkout-admin",
                explanation: "install bash completion"),
            Example(command: "completion zsh > \"${fpath[1]}/_checkout-admin\"", explanation: "install zsh completion"),
        ],
        discussion:
            "Completes commands, options, setting keys and their values, profile fields and their values, payment types (after profile add-method only those the account has enabled), and account and profile ids read from the store.",
        run: { context in
            let shell = context.arguments.word(shell)
            guard let script = scripts[shell] else {
                throw UsageError(
                    message: "unknown shell '\(shell)'",
                    hints: Suggestion.hints(for: shell, among: scripts.keys) + ["shells: bash, fish, zsh"])
            }
            context.emit(script)
            return 0
        })

    private static let scripts = ["bash": bash, "zsh": zsh, "fish": fish]

    // The scripts pass words to `__complete` and use its answer as data: nothing in a candidate (a profile
    // id may hold spaces, quotes or `$(…)`) is ever expanded or evaluated by the shell.

    private static let bash = """
        # bash completion for checkout-admin: source this file, or put it in /etc/bash_completion.d/
        _checkout_admin() {
            local line=${COMP_LINE:-${COMP_WORDS[*]}} word rest prefix head candidate i
            local breaks=${COMP_WORDBREAKS//[^=:]/}
            local -a words=() candidates=()
            line=${line:0:${COMP_POINT:-${#line}}}
            # bash splits '--currency=NOK' at '=' (COMP_WORDBREAKS): join pieces typed without a blank between
            for ((i = 0; i <= COMP_CWORD; i++)); do
                word=${COMP_WORDS[i]}
                rest=${line#"${line%%[![:blank:]]*}"}
                if ((i > 1)) && [[ $rest == "$line" ]]; then
                    words[${#words[@]}-1]+=$word
                elif ((i > 0)); then
                    words+=("$word")
                fi
                line=${rest#"$word"}
            done
            word=${words[${#words[@]}-1]}
            # readline replaces only the text after the last '=' or ':' of the word
            prefix=""
            [[ -n $breaks && $word == *[$breaks]* ]] && prefix=${word%"${word##*[$breaks]}"}
            mapfile -t candidates < <(command checkout-admin __complete "${words[@]}" 2>/dev/null)
            COMPREPLY=()
            if [[ ${candidates[0]-} == :files ]]; then
                head=""
                [[ $word == --*=* ]] && head=${word%%=*}=
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -f -- "${word#"$head"}")
            else
                for candidate in "${candidates[@]}"; do
                    [[ $candidate == "$prefix"?* ]] || continue
                    printf -v candidate '%q' "${candidate#"$prefix"}"
                    COMPREPLY+=("$candidate")
                done
                [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
            fi
            return 0
        }
        complete -F _checkout_admin checkout-admin

        """

    private static let zsh = """
        #compdef checkout-admin
        # zsh completion for checkout-admin: put this file in a folder of $fpath as _checkout-admin, or source it
        _checkout_admin() {
            local -a candidates
            candidates=(${(f)"$(command checkout-admin __complete "${(@Q)words[2,CURRENT]}" 2>/dev/null)"})
            if [[ ${candidates[1]} == :files ]]; then
                [[ ${words[CURRENT]} == --*=* ]] && compset -P '*='
                _files
            else
                compadd -S '' -- ${(M)candidates:#*=}
                compadd -- ${candidates:#*=}
            fi
        }
        # Autoloaded from $fpath the file is the completion function itself; sourced, it registers one.
        if [[ ${funcstack[1]} == _checkout-admin ]]; then
            _checkout_admin "$@"
        else
            compdef _checkout_admin checkout-admin
        fi

        """

    private static let fish = """
        # fish completion for checkout-admin: put this file in ~/.config/fish/completions/checkout-admin.fish
        function __checkout_admin_complete
            set -l words (commandline -opc) (commandline -ct)
            set -e words[1]
            set -l result (command checkout-admin __complete $words 2>/dev/null)
            if test "$result[1]" = ":files"
                set -l token (commandline -ct)
                set -l head (string match -r -- '^--[^=]*=' $token)
                __fish_complete_path (string replace -r -- '^--[^=]*=' '' $token) | string replace -r -- '^' "$head"
            else
                printf '%s\\n' $result
            end
        end
        complete -c checkout-admin -f -a '(__checkout_admin_complete)'

        """
}
