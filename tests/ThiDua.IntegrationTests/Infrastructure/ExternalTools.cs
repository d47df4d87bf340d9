using System.Diagnostics;
using System.Text;

namespace ThiDua.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the independent tools the document and signing tests check ThiDua's output with — poppler (pdfsig, pdffonts,
/// pdftotext, pdftoppm, pdfinfo), zbar (zbarimg), LibreOffice, SoftHSM2, OpenSSL — installed by <c>.ci/run</c> from
/// Debian's packages. A missing tool fails the test with the package to install: a check that silently does not run
/// would prove nothing.
/// </summary>
public static class ExternalTools
{
    private static readonly Dictionary<string, string> Packages = new()
    {
        ["pdfsig"] = "poppler-utils", ["pdffonts"] = "poppler-utils", ["pdftotext"] = "poppler-utils",
        ["pdftoppm"] = "poppler-utils", ["pdfinfo"] = "poppler-utils", ["zbarimg"] = "zbar-tools",
        ["soffice"] = "libreoffice-writer-nogui", ["softhsm2-util"] = "softhsm2", ["openssl"] = "openssl",
    };

    public sealed record ToolResult(int ExitCode, string Output, string Errors)
    {
        public string All => Output + Errors;
    }

    /// <summary>Runs a tool with a time limit (its process tree is killed past it).</summary>
    public static ToolResult Run(string tool, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, int seconds = 120)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} is not installed: apt-get install {Packages.GetValueOrDefault(tool, tool)} (.ci/run installs it).");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(seconds)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within {seconds} s.");
            }
            return new ToolResult(process.ExitCode, output.Result, errors.Result);
        }
    }

    /// <summary>Runs a tool on <paramref name="input"/> written to a temporary file (deleted afterwards); its output, or a failed assertion on an exit code not allowed.</summary>
    public static string RunOn(string tool, byte[] input, string extension, Func<string, string[]> arguments, int[]? allowExitCodes = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"thidua-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(file, input);
        try
        {
            var result = Run(tool, arguments(file));
            Assert.True((allowExitCodes ?? [0]).Contains(result.ExitCode), $"{tool} exited with {result.ExitCode}: {result.Errors}");
            return result.Output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>What poppler's pdfsig says of a PDF's signatures (its exit code is 0 only when every signature is valid).</summary>
    public static string PdfSig(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"thidua-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return Run("pdfsig", [file]).All;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
