/// `completion bash|zsh|fish` (SPEC §3.9): scripts that ask the tool itself for candidates.
enum CompletionCommands {
    /// The family's commands.
    static let all: [CommandSpec] = [completion]

    static let completion = CommandSpec(
        path: ["completion"], summary: "Print a shell completion script (bash, zsh or fish)",
        arguments: [ArgumentSpec(name: "shell", arity: .required, help: "bash, zsh or fish")],
        examples: [Example(command: "completion bash > /etc/bash_completion.d/checkout-admin", explanation: "install bash completion"),
                   Example(command: "completion zsh > \"${fpath[1]}/_checkout-admin\"", explanation: "install zsh completion")],
        discussion: "Completes commands, options, setting keys, payment types, and account and profile ids read from the store.",
        run: { context in
            let shell = context.arguments.argument("shell")
            guard let script = scripts[shell] else {
                throw UsageError(message: "unknown shell '\(shell)'",
                                 hints: Suggestion.hints(for: shell, among: scripts.keys) + ["shells: bash, fish, zsh"])
            }
            context.emit(script)
            return 0
        })

    private static let scripts = ["bash": bash, "zsh": zsh, "fish": fish]

    private static let bash = """
    # bash completion for checkout-admin: source this file, or put it in /etc/bash_completion.d/
    _checkout_admin() {
        local IFS=$'\\n' cur="${COMP_WORDS[COMP_CWORD]}" candidates
        candidates=$(command checkout-admin __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
        if [ "$candidates" = ":files" ]; then
            COMPREPLY=($(compgen -f -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
        fi
        [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
        return 0
    }
    complete -F _checkout_admin checkout-admin

    """

    private static let zsh = """
    #compdef checkout-admin
    # zsh completion for checkout-admin: put this file in a folder of $fpath as _checkout-admin
    _checkout_admin() {
        local -a candidates
        candidates=("${(@f)$(command checkout-admin __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
        if [[ "${candidates[1]}" == ":files" ]]; then
            _files
        else
            compadd -S '' -- "${(@M)candidates:#*=}"
            compadd -- "${(@)candidates:#*=}"
        fi
    }
    compdef _checkout_admin checkout-admin

    """

    private static let fish = """
    # fish completion for checkout-admin: put this file in ~/.config/fish/completions/checkout-admin.fish
    function __checkout_admin_complete
        set -l words (commandline -opc) (commandline -ct)
        set -e words[1]
        set -l result (command checkout-admin __complete $words 2>/dev/null)
        if test "$result[1]" = ":files"
            __fish_complete_path (commandline -ct)
        else
            printf '%s\\n' $result
        end
    end
    complete -c checkout-admin -f -a '(__checkout_admin_complete)'

    """
}
