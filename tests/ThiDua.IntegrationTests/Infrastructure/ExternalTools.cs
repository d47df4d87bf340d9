using System.Diagnostics;

namespace ThiDua.IntegrationTests.Infrastructure;

/// <summary>
/// Independent tools the document tests check ThiDua's output with (poppler's pdfsig, pdffonts, pdftotext, pdftoppm;
/// zbarimg; openssl), installed by <c>.ci/run</c> from Debian's packages. A missing tool fails the test with the package
/// to install: a check that silently does not run would prove nothing.
/// </summary>
public static class ExternalTools
{
    public sealed record Output(int ExitCode, string StandardOutput, string StandardError)
    {
        public string All => StandardOutput + StandardError;
    }

    private static readonly Dictionary<string, string> Packages = new()
    {
        ["pdfsig"] = "poppler-utils",
        ["pdffonts"] = "poppler-utils",
        ["pdftotext"] = "poppler-utils",
        ["pdftoppm"] = "poppler-utils",
        ["pdfinfo"] = "poppler-utils",
        ["zbarimg"] = "zbar-tools",
        ["openssl"] = "openssl",
    };

    public static async Task<Output> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} is not installed: apt-get install {Packages.GetValueOrDefault(tool, tool)} (.ci/run does).");
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new Output(process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>Writes <paramref name="content"/> to a temporary file for a tool to read; deleted when disposed.</summary>
    public static TempFile Write(byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"thidua-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        return new TempFile(path);
    }

    public sealed class TempFile(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose()
        {
            foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileNameWithoutExtension(Path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The text of a PDF as poppler reads it (layout kept).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        using var file = Write(pdf, ".pdf");
        var output = await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", file.Path, "-");
        Assert.True(output.ExitCode == 0, output.All);
        return output.StandardOutput;
    }

    /// <summary>What pdfsig says of a PDF's signatures.</summary>
    public static async Task<string> PdfSigAsync(byte[] pdf)
    {
        using var file = Write(pdf, ".pdf");
        return (await RunAsync("pdfsig", file.Path)).All;
    }

    /// <summary>The fonts of a PDF, one line each, with whether each is embedded ("emb" column), as pdffonts lists them.</summary>
    public static async Task<IReadOnlyList<string>> PdfFontsAsync(byte[] pdf)
    {
        using var file = Write(pdf, ".pdf");
        var output = await RunAsync("pdffonts", file.Path);
        Assert.True(output.ExitCode == 0, output.All);
        return output.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
    }

    /// <summary>The QR codes zbarimg reads on a PDF's last page rendered at 200 dpi.</summary>
    public static async Task<IReadOnlyList<string>> QrCodesOnLastPageAsync(byte[] pdf)
    {
        using var file = Write(pdf, ".pdf");
        var pages = await RunAsync("pdfinfo", file.Path);
        var count = int.Parse(pages.StandardOutput.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var prefix = System.IO.Path.ChangeExtension(file.Path, null) + "-page";
        var render = await RunAsync("pdftoppm", "-r", "200", "-png", "-f", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", file.Path, prefix);
        Assert.True(render.ExitCode == 0, render.All);
        var scan = await RunAsync("zbarimg", "--quiet", "--raw", prefix + ".png");
        return scan.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
