using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests;

/// <summary>The web app serving from its own executable in a child process, on a free loopback port, with everything it logs kept.</summary>
public sealed partial class WebAppServer : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WebAppServer(Process process)
    {
        this.process = process;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server process's resident memory now.</summary>
    public long ResidentBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>The console log so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="settings">Configuration such as <c>--Archive:CorpusPath=/tmp/corpus</c>.</param>
    public static async Task<WebAppServer> StartAsync(params string[] settings)
    {
        var server = new WebAppServer(WebAppProcess.Start([.. settings, "--urls=http://127.0.0.1:0"]));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (server.output)
            {
                server.output.AppendLine(line);
            }

            // Kestrel names the port it chose for port 0 in the host's start-up log line.
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        server.process.OutputDataReceived += (_, e) => Collect(e.Data);
        server.process.ErrorDataReceived += (_, e) => Collect(e.Data);
        server.process.EnableRaisingEvents = true;
        server.process.Exited += (_, _) => listening.TrySetCanceled();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            server.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is TimeoutException or TaskCanceledException)
        {
            server.Dispose();
            throw new InvalidOperationException($"The web app did not start listening:\n{server.Output}");
        }

        return server;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
