using System.Globalization;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>
/// A one-line console progress bar: <c>[##########          ]  52 %  assessments 1,727/3,321</c>. On a terminal the line
/// is redrawn in place; when the output is redirected (a log, a script) only every tenth step is printed, one per line.
/// </summary>
public sealed class ProgressBar(TextWriter output, bool redraw)
{
    private const int Width = 20;
    private string _label = "";
    private long _total;
    private int _lastShown = -1;

    public static ProgressBar ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    public void Start(string label, long total)
    {
        _label = label;
        _total = Math.Max(1, total);
        _lastShown = -1;
        Report(0);
    }

    public void Report(long done)
    {
        var percent = (int)Math.Clamp(done * 100 / _total, 0, 100);
        if (percent == _lastShown || (!redraw && percent % 10 != 0 && percent != 100))
        {
            return;
        }
        _lastShown = percent;
        var filled = percent * Width / 100;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3} %  {_label} {done:N0}/{_total:N0}");
        if (redraw)
        {
            output.Write('\r' + line);
        }
        else
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Shows the step complete and moves to a new line.</summary>
    public void Done(long done)
    {
        if (redraw || _lastShown != 100)
        {
            _lastShown = -1;
            Report(done);
        }
        if (redraw)
        {
            output.WriteLine();
        }
    }
}
