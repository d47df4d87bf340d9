using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Web.Infrastructure.Signing;
using static ThiDua.IntegrationTests.Infrastructure.ExternalTools;
using static ThiDua.IntegrationTests.Signing.SigningFixtures;

namespace ThiDua.IntegrationTests.Signing;

/// <summary>An ECDSA P-256 key (the other algorithm R18 allows) signs a PDF that pdfsig and our verifier accept.</summary>
public sealed class EcdsaSignatureTests : IDisposable
{
    private readonly string folder = TempFolder();

    [Fact]
    public async Task PdfSignedWithAnEcdsaP256KeyIsValid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Trần Thị Hoa, O=Sở Khoa học và Công nghệ, C=VN", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(folder, "ec.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "ec"));
        using var services = Services(new Dictionary<string, string?> { ["Signing:Kind"] = "Pfx", ["Signing:PfxPath"] = pfx, ["Signing:PfxPassword"] = "ec" }, folder);

        var signed = await services.GetRequiredService<IDocumentSigner>().SignPdfAsync(LibreOfficePdf(folder), Request with { SignerName = "Trần Thị Hoa" });

        var report = PdfSig(folder, signed, "ec-signed.pdf");
        Assert.Contains("- Signer Certificate Common Name: Trần Thị Hoa", report);
        Assert.Contains("- Signature Validation: Signature is Valid.", report);
        var check = services.GetRequiredService<ISignatureVerifier>().VerifyPdf(signed);
        Assert.True(check.Valid && check.Trusted, check.Message);

        // Her name is not on the page (the document was drafted for another signer): the block goes to the lower right.
        var rect = Regex.Match(Encoding.Latin1.GetString(signed), @"/FT\s*/Sig[^\n]*?/Rect\s*\[\s*([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s*\]");
        double[] box = [.. Enumerable.Range(1, 4).Select(i => double.Parse(rect.Groups[i].Value, CultureInfo.InvariantCulture))];
        Assert.Equal(60, box[1]);
        Assert.InRange(box[2], 500, 560);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
