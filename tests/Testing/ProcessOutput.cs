using System.Diagnostics;
using System.Text;

namespace CollectifLive.Testing;

/// <summary>Everything a child process prints (out and err), kept to explain a failure.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    private ProcessOutput()
    {
    }

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Starts reading a process started with both streams redirected.</summary>
    public static ProcessOutput Capture(Process process)
    {
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
