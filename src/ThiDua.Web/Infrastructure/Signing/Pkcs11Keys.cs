using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using ISession = Net.Pkcs11Interop.HighLevelAPI.ISession;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>
/// An RSA key that stays on a PKCS#11 token: <see cref="SignHash"/> sends the DigestInfo to the token (CKM_RSA_PKCS);
/// everything else a CMS or certificate builder needs (the public key) comes from <paramref name="publicKey"/>.
/// </summary>
internal sealed class Pkcs11Rsa : RSA
{
    private readonly ISession session;
    private readonly IObjectHandle privateKey;
    private readonly RSAParameters publicKey;

    public Pkcs11Rsa(ISession session, IObjectHandle privateKey, RSAParameters publicKey)
    {
        this.session = session;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        KeySizeValue = publicKey.Modulus!.Length * 8;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
    }

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters
            ? throw new CryptographicException("Khóa bí mật nằm trong thiết bị ký, không xuất ra được.")
            : new RSAParameters { Modulus = publicKey.Modulus, Exponent = publicKey.Exponent };

    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException("Chỉ hỗ trợ RSA PKCS#1 v1.5 với thiết bị ký.");
        }
        var digestInfo = DigestInfo(hash, hashAlgorithm);
        var mechanism = session.Factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS);
        return session.Sign(mechanism, privateKey, digestInfo);
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        using var rsa = Create(publicKey);
        return rsa.VerifyHash(hash, signature, hashAlgorithm, padding);
    }

    /// <summary>CKM_RSA_PKCS pads what it is given, so the DER DigestInfo (RFC 8017 §9.2) is built here.</summary>
    private static byte[] DigestInfo(byte[] hash, HashAlgorithmName algorithm)
    {
        byte[] prefix = algorithm.Name switch
        {
            "SHA256" => [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20],
            "SHA384" => [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30],
            "SHA512" => [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40],
            _ => throw new CryptographicException($"Thuật toán băm {algorithm.Name} không được hỗ trợ."),
        };
        return [.. prefix, .. hash];
    }
}

/// <summary>An ECDSA key on a PKCS#11 token: CKM_ECDSA returns r‖s, which is the form <see cref="ECDsa.SignHash(byte[])"/> returns too.</summary>
internal sealed class Pkcs11Ecdsa : ECDsa
{
    private readonly ISession session;
    private readonly IObjectHandle privateKey;
    private readonly ECParameters publicKey;

    public Pkcs11Ecdsa(ISession session, IObjectHandle privateKey, ECParameters publicKey)
    {
        this.session = session;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        KeySizeValue = publicKey.Q.X!.Length * 8;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
    }

    public override ECParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("Khóa bí mật nằm trong thiết bị ký, không xuất ra được.") : publicKey;

    public override ECParameters ExportExplicitParameters(bool includePrivateParameters) => throw new NotSupportedException();

    public override void ImportParameters(ECParameters parameters) => throw new NotSupportedException();

    public override void GenerateKey(ECCurve curve) => throw new NotSupportedException();

    public override byte[] SignHash(byte[] hash)
    {
        var mechanism = session.Factories.MechanismFactory.Create(CKM.CKM_ECDSA);
        var signature = session.Sign(mechanism, privateKey, hash);
        if (signature.Length != 2 * (KeySizeValue / 8))
        {
            throw new CryptographicException($"Thiết bị ký trả về chữ ký ECDSA dài {signature.Length} byte, không phải r‖s.");
        }
        return signature;
    }

    public override bool VerifyHash(byte[] hash, byte[] signature)
    {
        using var ecdsa = Create(publicKey);
        return ecdsa.VerifyHash(hash, signature);
    }
}

/// <summary>
/// The signing key on a PKCS#11 token. The module is loaded once; each signing opens a session, logs in, signs and logs
/// out, under a lock, because a token serves one operation at a time.
/// </summary>
internal sealed class Pkcs11Token : IDisposable
{
    private readonly SigningOptions options;
    private readonly Lock gate = new();
    private IPkcs11Library? library;

    public Pkcs11Token(SigningOptions options)
    {
        this.options = options;
        (Certificate, Chain) = Run(session => ReadCertificates(session));
    }

    public X509Certificate2 Certificate { get; }

    public X509Certificate2Collection Chain { get; }

    /// <summary>Runs <paramref name="use"/> with the token's key as an <see cref="RSA"/> or <see cref="ECDsa"/>.</summary>
    public T WithKey<T>(Func<AsymmetricAlgorithm, T> use) => Run(session =>
    {
        var key = FindOne(session, CKO.CKO_PRIVATE_KEY, options.Pkcs11KeyLabel!)
            ?? throw new InvalidOperationException($"Không tìm thấy khóa bí mật có nhãn \"{options.Pkcs11KeyLabel}\" trên thiết bị ký (Signing__Pkcs11KeyLabel).");
        using AsymmetricAlgorithm algorithm = Certificate.GetRSAPublicKey() is { } rsa
            ? new Pkcs11Rsa(session, key, rsa.ExportParameters(false))
            : new Pkcs11Ecdsa(session, key, (Certificate.GetECDsaPublicKey() ?? throw new InvalidOperationException("Chứng thư ký không phải RSA hay ECDSA.")).ExportParameters(false));
        return use(algorithm);
    });

    private T Run<T>(Func<ISession, T> use)
    {
        lock (gate)
        {
            library ??= LoadLibrary();
            var slot = FindSlot(library);
            using var session = slot.OpenSession(SessionType.ReadOnly);
            session.Login(CKU.CKU_USER, options.Pkcs11Pin);
            try
            {
                return use(session);
            }
            finally
            {
                session.Logout();
            }
        }
    }

    private IPkcs11Library LoadLibrary()
    {
        Pkcs11Native.EnsureResolver();
        var factories = new Pkcs11InteropFactories();
        return factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, options.Pkcs11LibraryPath, AppType.MultiThreaded);
    }

    private ISlot FindSlot(IPkcs11Library loaded)
    {
        foreach (var slot in loaded.GetSlotList(SlotsType.WithTokenPresent))
        {
            if (options.Pkcs11Slot is { } id ? slot.SlotId == id : slot.GetTokenInfo().Label.Trim() == options.Pkcs11TokenLabel!.Trim())
            {
                return slot;
            }
        }
        throw new InvalidOperationException(options.Pkcs11Slot is { } wanted
            ? $"Không có thiết bị ký ở khe {wanted} (Signing__Pkcs11Slot)."
            : $"Không tìm thấy thiết bị ký có nhãn \"{options.Pkcs11TokenLabel}\" (Signing__Pkcs11TokenLabel).");
    }

    private (X509Certificate2, X509Certificate2Collection) ReadCertificates(ISession session)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var all = CertificateFiles.Load(options.CertificatePath);
            return (all[0], ChainOf(all));
        }
        var handle = FindOne(session, CKO.CKO_CERTIFICATE, options.Pkcs11KeyLabel!) ?? FindCertificateById(session)
            ?? throw new InvalidOperationException($"Không tìm thấy chứng thư \"{options.Pkcs11KeyLabel}\" trên thiết bị ký; đặt Signing__CertificatePath.");
        var der = session.GetAttributeValue(handle, [CKA.CKA_VALUE])[0].GetValueAsByteArray();
        var certificate = X509CertificateLoader.LoadCertificate(der);
        return (certificate, []);
    }

    /// <summary>Some tokens label the certificate differently from the key; CKA_ID links them.</summary>
    private IObjectHandle? FindCertificateById(ISession session)
    {
        var key = FindOne(session, CKO.CKO_PRIVATE_KEY, options.Pkcs11KeyLabel!);
        if (key is null)
        {
            return null;
        }
        var id = session.GetAttributeValue(key, [CKA.CKA_ID])[0].GetValueAsByteArray();
        var attributes = session.Factories.ObjectAttributeFactory;
        return session.FindAllObjects([attributes.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), attributes.Create(CKA.CKA_ID, id)]).FirstOrDefault();
    }

    private static IObjectHandle? FindOne(ISession session, CKO kind, string label)
    {
        var attributes = session.Factories.ObjectAttributeFactory;
        return session.FindAllObjects([attributes.Create(CKA.CKA_CLASS, kind), attributes.Create(CKA.CKA_LABEL, label)]).FirstOrDefault();
    }

    internal static X509Certificate2Collection ChainOf(X509Certificate2Collection all)
    {
        var chain = new X509Certificate2Collection();
        for (var i = 1; i < all.Count; i++)
        {
            chain.Add(all[i]);
        }
        return chain;
    }

    public void Dispose()
    {
        lock (gate)
        {
            library?.Dispose();
            library = null;
        }
    }
}

/// <summary>
/// Pkcs11Interop 5.3 loads modules through dlopen from "libdl", a name only the C development package provides on
/// current glibc (since 2.34 dlopen lives in libc, and Debian ships just libdl.so.2). The name is mapped once per process.
/// </summary>
internal static class Pkcs11Native
{
    private static int registered;

    public static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            System.Runtime.InteropServices.NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, (name, assembly, path) =>
                name == "libdl" && OperatingSystem.IsLinux()
                    ? System.Runtime.InteropServices.NativeLibrary.TryLoad("libdl.so.2", out var handle) ? handle : System.Runtime.InteropServices.NativeLibrary.Load("libc.so.6")
                    : IntPtr.Zero);
        }
    }
}
