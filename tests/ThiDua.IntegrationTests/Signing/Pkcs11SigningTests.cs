using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using ThiDua.Web.Infrastructure.Signing;
using Xunit.Abstractions;
using static ThiDua.IntegrationTests.Infrastructure.ExternalTools;
using static ThiDua.IntegrationTests.Signing.SigningFixtures;

namespace ThiDua.IntegrationTests.Signing;

/// <summary>
/// The PKCS#11 path against SoftHSM2: a token initialised in a temporary folder, an RSA-2048 key made on it that cannot
/// be extracted, a certificate for it signed through the token, and a PDF signed with <c>Signing:Kind = Pkcs11</c>.
/// </summary>
public sealed class Pkcs11SigningTests(ITestOutputHelper output) : IDisposable
{
    private const string Library = "/usr/lib/softhsm/libsofthsm2.so";
    private const string TokenLabel = "ThiDua Test Token";
    private const string KeyLabel = "thidua-signer";
    private const string EcKeyLabel = "thidua-signer-ec";
    private const string Pin = "246810";

    private readonly string folder = TempFolder();

    [Fact]
    public async Task PdfSignedWithAKeyThatNeverLeavesTheTokenIsValidForPdfsigAndForUs()
    {
        Assert.True(File.Exists(Library), $"{Library} is missing: apt-get install softhsm2 (.ci/run installs it).");
        var config = Path.Combine(folder, "softhsm2.conf");
        Directory.CreateDirectory(Path.Combine(folder, "tokens"));
        File.WriteAllText(config, $"directories.tokendir = {folder}/tokens\nobjectstore.backend = file\nlog.level = ERROR\n");
        // SoftHSM reads its configuration with getenv when the module is initialised, in this process as in softhsm2-util;
        // .NET's Environment.SetEnvironmentVariable does not reach the C environment on Linux, setenv does.
        Assert.Equal(0, setenv("SOFTHSM2_CONF", config, 1));
        var init = Run("softhsm2-util", ["--init-token", "--free", "--label", TokenLabel, "--pin", Pin, "--so-pin", "13579135"],
            new Dictionary<string, string> { ["SOFTHSM2_CONF"] = config });
        Assert.True(init.ExitCode == 0, init.All);

        var (certificate, ecCertificate) = CreateKeysAndCertificatesOnToken();

        // One module per process at a time (C_Initialize): each provider is disposed before the next loads it.
        using (var ecServices = TokenServices(EcKeyLabel))
        {
            var ecSigner = ecServices.GetRequiredService<IDocumentSigner>();
            Assert.Equal(ecCertificate.Thumbprint, ecSigner.Certificate.Thumbprint);
            var ecSigned = await ecSigner.SignPdfAsync(LibreOfficePdf(folder), Request);
            var ecReport = PdfSig(folder, ecSigned, "token-ec-signed.pdf");
            output.WriteLine(ecReport);
            Assert.Contains("- Signer Certificate Common Name: Nguyễn Văn Thắng (SoftHSM2 ECDSA)", ecReport);
            Assert.Contains("- Signature Validation: Signature is Valid.", ecReport);
            var ecCheck = ecServices.GetRequiredService<ISignatureVerifier>().VerifyPdf(ecSigned);
            Assert.True(ecCheck.Valid && ecCheck.Trusted, ecCheck.Message);
        }

        using var services = TokenServices(KeyLabel);
        var signer = services.GetRequiredService<IDocumentSigner>();
        Assert.Equal(certificate.Thumbprint, signer.Certificate.Thumbprint);
        Assert.False(signer.Certificate.HasPrivateKey);

        var signed = await signer.SignPdfAsync(LibreOfficePdf(folder), Request);

        var report = PdfSig(folder, signed, "token-signed.pdf");
        output.WriteLine(report);
        Assert.Contains("- Signer Certificate Common Name: Nguyễn Văn Thắng (SoftHSM2)", report);
        Assert.Contains("- Signature Type: ETSI.CAdES.detached", report);
        Assert.Contains("- Total document signed", report);
        Assert.Contains("- Signature Validation: Signature is Valid.", report);

        var check = services.GetRequiredService<ISignatureVerifier>().VerifyPdf(signed);
        Assert.True(check.Valid, check.Message);
        Assert.True(check.Trusted, "the token's certificate is this system's signer");
        Assert.Equal("Nguyễn Văn Thắng (SoftHSM2)", check.Signer);

        // Two signatures through one loaded module: the session per signing and the lock work more than once.
        var p7s = await signer.SignDetachedAsync("bảng xếp hạng"u8.ToArray());
        Assert.True(services.GetRequiredService<ISignatureVerifier>().VerifyDetached("bảng xếp hạng"u8.ToArray(), p7s).Valid);
    }

    private ServiceProvider TokenServices(string keyLabel) => Services(new Dictionary<string, string?>
    {
        ["Signing:Kind"] = "Pkcs11",
        ["Signing:Pkcs11LibraryPath"] = Library,
        ["Signing:Pkcs11TokenLabel"] = TokenLabel,
        ["Signing:Pkcs11Pin"] = Pin,
        ["Signing:Pkcs11KeyLabel"] = keyLabel,
    }, folder);

    /// <summary>The key pairs are generated on the token; their certificates are signed by the token and stored there beside them.</summary>
    private static (X509Certificate2 Rsa, X509Certificate2 Ec) CreateKeysAndCertificatesOnToken()
    {
        Pkcs11Native.EnsureResolver();
        var factories = new Pkcs11InteropFactories();
        using var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, Library, AppType.MultiThreaded);
        var slot = library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.Trim() == TokenLabel);
        using var session = slot.OpenSession(SessionType.ReadWrite);
        session.Login(CKU.CKU_USER, Pin);
        var attributes = factories.ObjectAttributeFactory;
        byte[] id = [0x01, 0x02, 0x03, 0x04];
        session.GenerateKeyPair(
            factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS_KEY_PAIR_GEN),
            [
                attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_VERIFY, true), attributes.Create(CKA.CKA_MODULUS_BITS, 2048UL),
                attributes.Create(CKA.CKA_PUBLIC_EXPONENT, new byte[] { 0x01, 0x00, 0x01 }), attributes.Create(CKA.CKA_LABEL, KeyLabel), attributes.Create(CKA.CKA_ID, id),
            ],
            [
                attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_PRIVATE, true), attributes.Create(CKA.CKA_SENSITIVE, true),
                attributes.Create(CKA.CKA_EXTRACTABLE, false), attributes.Create(CKA.CKA_SIGN, true), attributes.Create(CKA.CKA_LABEL, KeyLabel), attributes.Create(CKA.CKA_ID, id),
            ],
            out var publicKey, out var privateKey);

        var held = session.GetAttributeValue(privateKey, [CKA.CKA_EXTRACTABLE, CKA.CKA_SENSITIVE, CKA.CKA_NEVER_EXTRACTABLE]);
        Assert.False(held[0].GetValueAsBool(), "CKA_EXTRACTABLE of the private key");
        Assert.True(held[1].GetValueAsBool(), "CKA_SENSITIVE of the private key");
        Assert.True(held[2].GetValueAsBool(), "CKA_NEVER_EXTRACTABLE of the private key");

        var numbers = session.GetAttributeValue(publicKey, [CKA.CKA_MODULUS, CKA.CKA_PUBLIC_EXPONENT]);
        var parameters = new RSAParameters { Modulus = numbers[0].GetValueAsByteArray(), Exponent = numbers[1].GetValueAsByteArray() };
        using var tokenKey = new Pkcs11Rsa(session, privateKey, parameters);
        var request = new CertificateRequest("CN=Nguyễn Văn Thắng (SoftHSM2), O=Ủy ban nhân dân tỉnh Quảng Ninh, C=VN", tokenKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForRSA(tokenKey, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(1), [0x42, 0x17]);
        Assert.True(SelfSignatureVerifies(certificate), "the self-signature made by the token verifies");

        StoreCertificate(session, certificate, KeyLabel, id);

        // ECDSA P-256: CKA_EC_PARAMS is the curve's OID, CKA_EC_POINT the DER OCTET STRING of 04‖X‖Y.
        byte[] ecId = [0x05, 0x06, 0x07, 0x08];
        session.GenerateKeyPair(
            factories.MechanismFactory.Create(CKM.CKM_EC_KEY_PAIR_GEN),
            [
                attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_VERIFY, true), attributes.Create(CKA.CKA_LABEL, EcKeyLabel), attributes.Create(CKA.CKA_ID, ecId),
                attributes.Create(CKA.CKA_EC_PARAMS, new byte[] { 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07 }),
            ],
            [
                attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_PRIVATE, true), attributes.Create(CKA.CKA_SENSITIVE, true),
                attributes.Create(CKA.CKA_EXTRACTABLE, false), attributes.Create(CKA.CKA_SIGN, true), attributes.Create(CKA.CKA_LABEL, EcKeyLabel), attributes.Create(CKA.CKA_ID, ecId),
            ],
            out var ecPublicKey, out var ecPrivateKey);
        Assert.False(session.GetAttributeValue(ecPrivateKey, [CKA.CKA_EXTRACTABLE])[0].GetValueAsBool(), "CKA_EXTRACTABLE of the EC private key");
        var point = System.Formats.Asn1.AsnDecoder.ReadOctetString(session.GetAttributeValue(ecPublicKey, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray(), System.Formats.Asn1.AsnEncodingRules.DER, out _);
        var ecParameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..65] } };
        using var ecTokenKey = new Pkcs11Ecdsa(session, ecPrivateKey, ecParameters);
        var ecRequest = new CertificateRequest("CN=Nguyễn Văn Thắng (SoftHSM2 ECDSA), O=Ủy ban nhân dân tỉnh Quảng Ninh, C=VN", ecTokenKey, HashAlgorithmName.SHA256);
        var ecCertificate = ecRequest.Create(ecRequest.SubjectName, X509SignatureGenerator.CreateForECDsa(ecTokenKey), now.AddDays(-1), now.AddYears(1), [0x42, 0x18]);
        Assert.True(SelfSignatureVerifies(ecCertificate), "the token's r‖s, DER-encoded by .NET, verifies with the token's public key");
        StoreCertificate(session, ecCertificate, EcKeyLabel, ecId);
        session.Logout();
        return (certificate, ecCertificate);
    }

    /// <summary>A self-signed certificate chains to itself as a trusted root only when its signature verifies.</summary>
    private static bool SelfSignatureVerifies(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static void StoreCertificate(ISession session, X509Certificate2 certificate, string label, byte[] id)
    {
        var attributes = session.Factories.ObjectAttributeFactory;
        session.CreateObject(
        [
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), attributes.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_LABEL, label), attributes.Create(CKA.CKA_ID, id),
            attributes.Create(CKA.CKA_SUBJECT, certificate.SubjectName.RawData), attributes.Create(CKA.CKA_VALUE, certificate.RawData),
        ]);
    }

    private static int setenv(string name, string value, int overwrite) => setenv(CString(name), CString(value), overwrite);

    private static int unsetenv(string name) => unsetenv(CString(name));

    private static byte[] CString(string text) => System.Text.Encoding.UTF8.GetBytes(text + "\0");

    [DllImport("libc")]
    private static extern int setenv(byte[] name, byte[] value, int overwrite);

    [DllImport("libc")]
    private static extern int unsetenv(byte[] name);

    public void Dispose()
    {
        _ = unsetenv("SOFTHSM2_CONF");
        Directory.Delete(folder, recursive: true);
    }
}
