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

    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end; returns the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }
}
