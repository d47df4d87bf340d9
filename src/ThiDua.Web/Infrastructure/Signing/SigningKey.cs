using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>The signer's certificate, its chain and a way to use its private key, whatever holds the key.</summary>
internal abstract class SigningKey : IDisposable
{
    public abstract X509Certificate2 Certificate { get; }

    /// <summary>The certificates above the signer's (intermediates, root), embedded in every signature.</summary>
    public abstract X509Certificate2Collection Chain { get; }

    public abstract T WithKey<T>(Func<AsymmetricAlgorithm, T> use);

    public abstract void Dispose();

    public static SigningKey Open(SigningOptions options, SigningKind kind, string contentRoot) => kind switch
    {
        SigningKind.Pfx => PfxKey.FromFile(options.PfxPath!, options.PfxPassword),
        SigningKind.Pkcs11 => new TokenKey(new Pkcs11Token(options)),
        _ => DevelopmentCertificate.LoadOrCreate(Path.GetFullPath(Path.Combine(contentRoot, options.DevelopmentCertificatePath))),
    };
}

/// <summary>A key in a PKCS#12 file (or the Development certificate): the key is in memory.</summary>
internal sealed class PfxKey(X509Certificate2 certificate, X509Certificate2Collection chain) : SigningKey
{
    private readonly AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
        ?? throw new InvalidOperationException("Tệp .pfx không có khóa bí mật RSA hay ECDSA đi kèm chứng thư.");

    public override X509Certificate2 Certificate { get; } = certificate;

    public override X509Certificate2Collection Chain { get; } = chain;

    public override T WithKey<T>(Func<AsymmetricAlgorithm, T> use) => use(key);

    public static PfxKey FromFile(string path, string? password)
    {
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        var signer = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"Tệp {path} (Signing__PfxPath) không chứa chứng thư có khóa bí mật.");
        var chain = new X509Certificate2Collection();
        foreach (var other in all)
        {
            if (!other.HasPrivateKey)
            {
                chain.Add(other);
            }
        }
        return new PfxKey(signer, chain);
    }

    public override void Dispose() => key.Dispose();
}

internal sealed class TokenKey(Pkcs11Token token) : SigningKey
{
    public override X509Certificate2 Certificate => token.Certificate;

    public override X509Certificate2Collection Chain => token.Chain;

    public override T WithKey<T>(Func<AsymmetricAlgorithm, T> use) => token.WithKey(use);

    public override void Dispose() => token.Dispose();
}

/// <summary>
/// The self-signed certificate used outside Production when no key is configured: made on first use, kept in the data
/// folder (a PKCS#12 file without password, like the rest of data/ it is the machine's secret) and reused afterwards so
/// documents signed yesterday still verify as this system's today.
/// </summary>
internal static class DevelopmentCertificate
{
    public const string Subject = "CN=ThiDua – Ký số thử nghiệm, O=ThiDua (môi trường phát triển), C=VN";

    public static PfxKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest(Subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            var now = DateTimeOffset.UtcNow;
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
            // Written beside and moved, so two instances starting together never read half a file.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12));
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }
        return PfxKey.FromFile(path, null);
    }
}

/// <summary>Reads certificates from PEM (one or many) or DER files.</summary>
internal static class CertificateFiles
{
    public static X509Certificate2Collection Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var collection = new X509Certificate2Collection();
        if (bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0)
        {
            collection.ImportFromPemFile(path);
        }
        else
        {
            collection.Add(X509CertificateLoader.LoadCertificate(bytes));
        }
        if (collection.Count == 0)
        {
            throw new InvalidOperationException($"Tệp {path} không chứa chứng thư nào.");
        }
        return collection;
    }
}
