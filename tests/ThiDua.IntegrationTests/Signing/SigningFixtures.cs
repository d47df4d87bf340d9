using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ThiDua.Web.Infrastructure.Signing;

using ThiDua.IntegrationTests.Infrastructure;

namespace ThiDua.IntegrationTests.Signing;

/// <summary>The outside tools the signing tests run for real (poppler, LibreOffice, SoftHSM2, OpenSSL), and test keys.</summary>
public static class SigningFixtures
{
    public const string SignerName = "Nguyễn Văn Thắng";
    public const string SignerTitle = "PHÓ CHỦ TỊCH";

    public static readonly PdfSignatureRequest Request = new(
        SignerName, SignerTitle, "Ban hành Quyết định khen thưởng", "Quảng Ninh", new DateTimeOffset(2026, 1, 5, 9, 30, 15, TimeSpan.FromHours(7)));

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "thidua-tests", "signing", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// A real LibreOffice PDF with a Decree 30 signature block on its last (second) page: the title lines, blank space,
    /// the name in bold.
    /// </summary>
    public static byte[] LibreOfficePdf(string folder)
    {
        var body = string.Concat(Enumerable.Range(1, 40).Select(i =>
            $"<p>Điều {i}. Khen thưởng các tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua chuyển đổi số năm 2025.</p>"));
        var html = $"""
            <html><head><meta charset="utf-8"></head><body style="font-family:'Liberation Serif'; font-size:13pt">
            {body}
            <table width="100%"><tr><td width="50%" valign="top"><b><i>Nơi nhận:</i></b><br>- Như Điều 3;<br>- Lưu: VT, TĐKT.</td>
            <td align="center" valign="top"><b>KT. CHỦ TỊCH<br>{SignerTitle}</b><br><br><br><br><br><br><b>{SignerName}</b></td></tr></table>
            </body></html>
            """;
        var source = Path.Combine(folder, "quyet-dinh.html");
        File.WriteAllText(source, html, Encoding.UTF8);
        var result = ExternalTools.Run("soffice", [$"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to", "pdf", "--outdir", folder, source], seconds: 180);
        var pdf = Path.Combine(folder, "quyet-dinh.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice made no PDF: " + result.All);
        return File.ReadAllBytes(pdf);
    }

    /// <summary>A CA and a signer it issued, as a PFX with the chain, and the CA as PEM (a trust anchor).</summary>
    public static (string PfxPath, string CaPemPath, X509Certificate2 Signer) PfxWithChain(string folder, string password)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=ThiDua Test CA, O=Thử nghiệm, C=VN", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-2), now.AddYears(5));

        using var signerKey = RSA.Create(2048);
        var signerRequest = new CertificateRequest($"CN={SignerName}, O=Ủy ban nhân dân tỉnh Quảng Ninh, C=VN", signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        signerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        signerRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var issued = signerRequest.Create(ca, now.AddDays(-1), now.AddYears(2), [0x01, 0x23, 0x45, 0x67]);
        var signer = issued.CopyWithPrivateKey(signerKey);

        var pfxPath = Path.Combine(folder, "signer.pfx");
        File.WriteAllBytes(pfxPath, new X509Certificate2Collection { signer, X509CertificateLoader.LoadCertificate(ca.RawData) }.Export(X509ContentType.Pkcs12, password)!);
        var caPath = Path.Combine(folder, "ca.pem");
        File.WriteAllText(caPath, ca.ExportCertificatePem());
        return (pfxPath, caPath, X509CertificateLoader.LoadCertificate(signer.RawData));
    }

    /// <summary>The signing services as the app registers them, from the given settings.</summary>
    public static ServiceProvider Services(IDictionary<string, string?> settings, string contentRoot, string environment = "Testing")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment, contentRoot));
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddDocumentSigning(configuration);
        var provider = services.BuildServiceProvider();
        // What the host does at start: ValidateOnStart settings are checked here.
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        return provider;
    }

    public static string PdfSig(string folder, byte[] pdf, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, pdf);
        return ExternalTools.Run("pdfsig", [path]).All;
    }

    private sealed class TestEnvironment(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ThiDua.Web";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
