using System.Diagnostics;

namespace NewsArchive.Tests;

/// <summary>The web app's own executable, run as a child process (for the CLI verb and for kill tests).</summary>
public static class WebAppProcess
{
    /// <summary>NewsArchive.Web.dll as built beside these tests, same configuration.</summary>
    public static string DllPath
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0/
            var path = Path.Combine(TestPaths.RepoRoot, "src", "NewsArchive.Web", "bin", configuration, "net10.0", "NewsArchive.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.");
        }
    }

    /// <summary>
    /// Root reads any file whatever its mode, and CI runs the tests as root. Run as root, this drops the capabilities
    /// that allow it (setpriv) before the app starts, so a file of mode 000 is as unreadable to it as to anyone.
    /// </summary>
    private static readonly string[] ObeyFileModes = Environment.IsPrivilegedProcess
        ? ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]
        : [];

    public static Process Start(params string[] arguments) => Start([], arguments);

    /// <summary>Runs to the end; returns the exit code and everything it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunAsync([], arguments);

    /// <summary>As <see cref="RunAsync(string[])"/>, bound by file modes even when the tests run as root.</summary>
    public static Task<(int ExitCode, string Output)> RunObeyingFileModesAsync(params string[] arguments) => RunAsync(ObeyFileModes, arguments);

    private static Process Start(string[] wrapper, string[] arguments)
    {
        string[] command = [.. wrapper, "dotnet", DllPath, .. arguments];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
        };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] wrapper, string[] arguments)
    {
        using var process = Start(wrapper, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }
}
