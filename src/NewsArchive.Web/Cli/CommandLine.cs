using System.Globalization;
using NewsArchive.Core.Storage;
using NewsArchive.Web.Hosting;

namespace NewsArchive.Web.Cli;

/// <summary>
/// The verbs' shared grammar: one argument (a folder, a file), <c>--name value</c> options, and <c>--Key=value</c>
/// configuration settings handed to the host (e.g. <c>--Serilog:MinimumLevel:Default=Warning</c>).
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> options;

    private CommandLine(string argument, Dictionary<string, string> options, string[] settings)
    {
        Argument = argument;
        this.options = options;
        Settings = settings;
    }

    public string Argument { get; }

    public string[] Settings { get; }

    /// <summary>The verb's arguments (after its name), or null when they do not fit: then the verb prints its usage.</summary>
    public static CommandLine? Parse(string[] args, params string[] valueOptions)
    {
        var argument = "";
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case var option when option.StartsWith("--", StringComparison.Ordinal) && valueOptions.Contains(option[2..]) && i + 1 < args.Length:
                    options[option[2..]] = args[++i];
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('='):
                    settings.Add(setting);
                    break;
                case var value when argument.Length == 0 && !value.StartsWith("--", StringComparison.Ordinal):
                    argument = value;
                    break;
                default:
                    return null;
            }
        }

        return argument.Length > 0 ? new CommandLine(argument, options, [.. settings]) : null;
    }

    public string? Option(string name) => options.GetValueOrDefault(name);

    /// <summary>A whole number above zero, null when the option is absent; false when it is given but is not one.</summary>
    public bool TryPositive(string name, out int? value)
    {
        value = null;
        if (Option(name) is not { } text)
        {
            return true;
        }

        var valid = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0;
        value = valid ? number : null;
        return valid;
    }

    /// <summary>The archive file: <c>--db</c> when given, else the configured <c>Archive:DatabasePath</c>.</summary>
    public ArchiveDatabase Archive(IHostApplicationBuilder builder) =>
        new(Option("db") is { } db ? Path.GetFullPath(db) : ArchiveOptions.From(builder.Configuration, builder.Environment.ContentRootPath).DatabasePath);
}
