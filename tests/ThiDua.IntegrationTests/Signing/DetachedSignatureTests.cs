using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Web.Infrastructure.Signing;
using static ThiDua.IntegrationTests.Infrastructure.ExternalTools;
using static ThiDua.IntegrationTests.Signing.SigningFixtures;

namespace ThiDua.IntegrationTests.Signing;

/// <summary>The .p7s beside a published download: a detached CAdES signature that OpenSSL and our verifier accept.</summary>
public sealed class DetachedSignatureTests : IDisposable
{
    private readonly string folder = TempFolder();

    [Fact]
    public async Task DetachedSignatureVerifiesWithOpensslAndWithUs()
    {
        var (pfx, caPem, _) = PfxWithChain(folder, "p");
        using var services = Services(new Dictionary<string, string?>
        {
            ["Signing:Kind"] = "Pfx", ["Signing:PfxPath"] = pfx, ["Signing:PfxPassword"] = "p", ["Signing:TrustedCertificatePaths:0"] = caPem,
        }, folder);
        var csv = Encoding.UTF8.GetBytes("Hạng,Đơn vị,Điểm\n1,Sở Thông tin và Truyền thông,92.5\n");
        var p7s = await services.GetRequiredService<IDocumentSigner>().SignDetachedAsync(csv);

        var verifier = services.GetRequiredService<ISignatureVerifier>();
        var check = verifier.VerifyDetached(csv, p7s);
        Assert.True(check.Valid, check.Message);
        Assert.True(check.Trusted);
        Assert.Equal(SignerName, check.Signer);
        Assert.NotNull(check.SignedAt);   // a .p7s carries the signing-time attribute
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv)), check.Sha256);

        File.WriteAllBytes(Path.Combine(folder, "xep-hang.csv"), csv);
        File.WriteAllBytes(Path.Combine(folder, "xep-hang.csv.p7s"), p7s);
        var openssl = Run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "xep-hang.csv.p7s"),
            "-content", Path.Combine(folder, "xep-hang.csv"), "-noverify", "-out", "/dev/null"]);
        Assert.True(openssl.ExitCode == 0, openssl.All);
        Assert.Contains("CMS Verification successful", openssl.All);
        // With the CA as the trust anchor, OpenSSL also validates the chain embedded in the .p7s.
        var chained = Run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "xep-hang.csv.p7s"),
            "-content", Path.Combine(folder, "xep-hang.csv"), "-CAfile", caPem, "-purpose", "any", "-out", "/dev/null"]);
        Assert.True(chained.ExitCode == 0, chained.All);

        var changed = (byte[])csv.Clone();
        changed[^3] = (byte)'9';
        var tampered = verifier.VerifyDetached(changed, p7s);
        Assert.False(tampered.Valid);
        Assert.Equal("Chữ ký số không hợp lệ: nội dung đã bị thay đổi sau khi ký.", tampered.Message);
        Assert.True(Run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "xep-hang.csv.p7s"),
            "-content", WriteAndReturn("changed.csv", changed), "-noverify", "-out", "/dev/null"]).ExitCode != 0);

        var garbage = verifier.VerifyDetached(csv, "not a signature"u8.ToArray());
        Assert.False(garbage.Valid);
        Assert.False(garbage.Signed);
    }

    private string WriteAndReturn(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
