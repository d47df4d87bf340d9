using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThiDua.Web.Infrastructure.Signing;
using static ThiDua.IntegrationTests.Infrastructure.ExternalTools;
using static ThiDua.IntegrationTests.Signing.SigningFixtures;

namespace ThiDua.IntegrationTests.Signing;

/// <summary>The Development certificate and the start-up checks of the <c>Signing</c> settings.</summary>
public sealed class SigningSettingsTests : IDisposable
{
    private readonly string contentRoot = TempFolder();

    [Fact]
    public async Task DevelopmentCertificateIsMadeOnFirstStartAndReusedOnTheNext()
    {
        var path = Path.Combine(contentRoot, "data", "signing", "development-signer.pfx");
        Assert.False(File.Exists(path));
        string first;
        using (var services = Services(new Dictionary<string, string?>(), contentRoot, environment: "Development"))
        {
            var signer = services.GetRequiredService<IDocumentSigner>();
            first = signer.Certificate.Thumbprint;
            Assert.Equal("ThiDua – Ký số thử nghiệm", signer.Certificate.GetNameInfo(X509NameType.SimpleName, false));
            Assert.EndsWith("C=VN", signer.Certificate.Subject);
            Assert.Equal(3072, signer.Certificate.GetRSAPublicKey()!.KeySize);
            Assert.True(File.Exists(path));
        }
        var written = File.GetLastWriteTimeUtc(path);
        using (var services = Services(new Dictionary<string, string?>(), contentRoot, environment: "Development"))
        {
            var signer = services.GetRequiredService<IDocumentSigner>();
            Assert.Equal(first, signer.Certificate.Thumbprint);
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));

            // A document signed on the second start verifies as this system's.
            var p7s = await signer.SignDetachedAsync([1, 2, 3]);
            var check = services.GetRequiredService<ISignatureVerifier>().VerifyDetached([1, 2, 3], p7s);
            Assert.True(check.Valid && check.Trusted, check.Message);
        }
    }

    [Fact]
    public void ProductionWithoutAKeyDoesNotStartAndSaysWhatToSet()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services(new Dictionary<string, string?>(), contentRoot, environment: "Production"));
        Assert.Contains("Chưa cấu hình khóa ký số", error.Message);
        Assert.Contains("Signing__Kind", error.Message);
        Assert.Contains("Signing__PfxPath", error.Message);
        Assert.Contains("Signing__Pkcs11LibraryPath", error.Message);
    }

    [Fact]
    public void IncompletePkcs11SettingsNameEveryMissingVariable()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Services(new Dictionary<string, string?> { ["Signing:Kind"] = "Pkcs11" }, contentRoot, environment: "Production"));
        Assert.Contains("Signing__Pkcs11LibraryPath", error.Message);
        Assert.Contains("Signing__Pkcs11TokenLabel hoặc Signing__Pkcs11Slot", error.Message);
        Assert.Contains("Signing__Pkcs11Pin", error.Message);
        Assert.Contains("Signing__Pkcs11KeyLabel", error.Message);
    }

    public void Dispose() => Directory.Delete(contentRoot, recursive: true);
}
