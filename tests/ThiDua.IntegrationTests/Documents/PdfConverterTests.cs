using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Infrastructure.Documents;

namespace ThiDua.IntegrationTests.Documents;

/// <summary>The converter where LibreOffice is missing, and when it hangs.</summary>
public class PdfConverterTests
{
    private static LibreOfficePdfConverter Converter(string path, int timeoutSeconds = 120) =>
        new(Options.Create(new DocumentOptions { LibreOfficePath = path, ConversionTimeoutSeconds = timeoutSeconds }), NullLogger<LibreOfficePdfConverter>.Instance);

    [Fact]
    public async Task WithoutLibreOfficeThePdfStepSaysWhatToInstall()
    {
        using var converter = Converter(Path.Combine(Path.GetTempPath(), $"no-soffice-{Guid.NewGuid():N}"));

        var error = await Assert.ThrowsAsync<DocumentRenderException>(() => converter.ConvertDocxAsync(new DocxRenderer().Render(DocxRendererTests.Decision(1), null)));

        Assert.Equal("Chưa cài LibreOffice: cài gói libreoffice-writer-nogui (Debian) để tạo bản PDF; bản Word (DOCX) vẫn tải được.", converter.Unavailable);
        Assert.Equal(converter.Unavailable, error.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AConversionThatRunsTooLongIsStoppedWithAVietnameseMessage()
    {
        var folder = Directory.CreateTempSubdirectory("thidua-fake-soffice");
        try
        {
            // A stand-in for a LibreOffice that hangs: it never writes a PDF.
            var script = Path.Combine(folder.FullName, "soffice");
            await File.WriteAllTextAsync(script, "#!/bin/sh\nsleep 60\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            using var converter = Converter(script, timeoutSeconds: 2);

            var error = await Assert.ThrowsAsync<DocumentRenderException>(() => converter.ConvertDocxAsync(new DocxRenderer().Render(DocxRendererTests.Decision(1), null)));

            Assert.Null(converter.Unavailable);
            Assert.Contains("quá thời gian cho phép (2 giây)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(true);
        }
    }
}
