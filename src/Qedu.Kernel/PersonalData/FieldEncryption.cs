using System.Buffers.Binary;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel.PersonalData;

/// <summary>
/// Personal-data fields encrypted at rest (ADR 11): AES-256-GCM with a random nonce and the key <c>personal-data</c>,
/// and a blind index, HMAC-SHA256 with the key <c>personal-data-index</c> over the normalised value, which carries
/// uniqueness and exact look-ups. Both keys live outside the database (<see cref="SecretKeys"/>). Every module
/// encrypts through this one class, so a bureau that must use SM4/SM3 (GB/T 39786) changes it and nothing else.
/// Stored form: version (1 byte) | key id (4 bytes) | nonce (12) | ciphertext | tag (16); the key id says which key
/// wrote a value, so keys can rotate and a value written under another key is named, not garbled.
/// </summary>
public sealed class FieldEncryption
{
    public const string KeyName = "personal-data";
    public const string IndexKeyName = "personal-data-index";

    /// <summary>A key that, when present, still decrypts what was written before the last rotation.</summary>
    public const string PreviousKeyName = "personal-data-previous";

    private const byte Version = 1;
    private const int HeaderSize = 1 + 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Binds a ciphertext to being a personal-data field of Qedu: a value cannot be passed off as another kind of secret.
    private static readonly byte[] AssociatedData = "qedu personal-data v1"u8.ToArray();

    private readonly byte[] _key;
    private readonly uint _keyId;
    private readonly Dictionary<uint, byte[]> _decryptionKeys = [];
    private readonly byte[] _indexKey;

    // One cipher per thread and key, not one per value: a bulk import encrypts millions, and AesGcm is not thread-safe.
    // Static, not owned by an instance: EF Core's model cache keeps the converter of the first instance with a key for
    // every later provider with that key, so an instance may outlive its service provider.
    [ThreadStatic]
    private static (byte[] Key, AesGcm Cipher)? t_encryptor;

    public FieldEncryption(SecretKeys keys)
        : this(keys.Get(KeyName), keys.Get(IndexKeyName), keys.Find(PreviousKeyName), Path.Combine(keys.Directory, KeyName + ".key"))
    {
    }

    private FieldEncryption(byte[] key, byte[] indexKey, byte[]? previous, string keyFile)
    {
        _key = key;
        _keyId = KeyId(key);
        _indexKey = indexKey;
        _decryptionKeys[_keyId] = key;
        if (previous is not null)
        {
            _decryptionKeys.TryAdd(KeyId(previous), previous);
        }
        KeyFile = keyFile;
        KeyFingerprint = SecretKeys.Fingerprint(key);
        IndexKeyFingerprint = SecretKeys.Fingerprint(indexKey);
        ModelKey = KeyFingerprint + (previous is null ? "" : "+" + SecretKeys.Fingerprint(previous));
        Converter = new EncryptedValueConverter(this);
    }

    /// <summary>
    /// Random keys held only in memory, for EF Core's design-time tools (creating migrations), which build the model
    /// but never read or write data.
    /// </summary>
    public static FieldEncryption DesignTimeOnly() =>
        new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), null, "(design time)");

    public string KeyFile { get; }
    public string KeyFingerprint { get; }
    public string IndexKeyFingerprint { get; }

    /// <summary>Tells apart the EF Core models that hold this instance's converter (see the model cache key factory).</summary>
    internal string ModelKey { get; }

    /// <summary>Maps a string property to its encrypted column (bytes); used by every provider and by bulk writes.</summary>
    public EncryptedValueConverter Converter { get; }

    public byte[] Encrypt(string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var stored = new byte[HeaderSize + NonceSize + plain.Length + TagSize];
        stored[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(stored.AsSpan(1, 4), _keyId);
        var nonce = stored.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        if (t_encryptor is not { } cached || !ReferenceEquals(cached.Key, _key))
        {
            t_encryptor?.Cipher.Dispose();
            cached = (_key, new AesGcm(_key, TagSize));
            t_encryptor = cached;
        }
        cached.Cipher.Encrypt(nonce, plain, stored.AsSpan(HeaderSize + NonceSize, plain.Length), stored.AsSpan(stored.Length - TagSize), AssociatedData);
        return stored;
    }

    public string Decrypt(byte[] stored)
    {
        if (stored.Length < HeaderSize + NonceSize + TagSize || stored[0] != Version)
        {
            throw new CryptographicException("An encrypted personal-data value is not in a format Qedu wrote.");
        }
        var keyId = BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(1, 4));
        if (!_decryptionKeys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException(
                $"Personal data in the database was encrypted with a key ({keyId:x8}) that {KeyFile} is not; restore that key file from the backup.");
        }
        var plain = new byte[stored.Length - HeaderSize - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(stored.AsSpan(HeaderSize, NonceSize), stored.AsSpan(HeaderSize + NonceSize, plain.Length), stored.AsSpan(stored.Length - TagSize), plain, AssociatedData);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// The blind index of <paramref name="value"/>: 64 hex digits, equal for equal values after normalising (trimmed,
    /// upper case, so a resident ID's check digit x and X agree). Null for null or blank.
    /// </summary>
    public string? Index(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(value.Trim().ToUpperInvariant())));
    }

    /// <summary>Whether <paramref name="stored"/> was written with the current key (false: an older key, to be rewritten).</summary>
    public bool IsCurrent(byte[] stored) =>
        stored.Length >= HeaderSize && BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(1, 4)) == _keyId;

    private static uint KeyId(byte[] key) =>
        BinaryPrimitives.ReadUInt32BigEndian(HMACSHA256.HashData(key, "qedu key id"u8).AsSpan(0, 4));
}

/// <summary>The converter of an encrypted column; <see cref="EncryptedComparisonGuard"/> recognises columns by it.</summary>
public sealed class EncryptedValueConverter(FieldEncryption encryption)
    : ValueConverter<string, byte[]>(v => encryption.Encrypt(v), v => encryption.Decrypt(v));

/// <summary>
/// Refuses, when a query is compiled, to compare an encrypted column with a value (==, !=, Contains, StartsWith…):
/// with a random nonce such a comparison would silently match nothing. Compare the blind index instead. Null checks
/// stay allowed.
/// </summary>
public sealed class EncryptedComparisonGuard : IQueryExpressionInterceptor
{
    public static readonly EncryptedComparisonGuard Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            new Finder(context.Model).Visit(queryExpression);
        }
        return queryExpression;
    }

    private sealed class Finder(IModel model) : ExpressionVisitor
    {
        // What a query may translate into a comparison in SQL; other calls (a mask in the final projection) get the
        // decrypted value and are fine.
        private static readonly HashSet<string> Comparisons = ["Contains", "StartsWith", "EndsWith", "Equals", "CompareTo", "Compare", "Like"];

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual)
            {
                if (Encrypted(node.Left) is { } left && !IsNull(node.Right))
                {
                    throw Refusal(left);
                }
                if (Encrypted(node.Right) is { } right && !IsNull(node.Left))
                {
                    throw Refusal(right);
                }
            }
            return base.VisitBinary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (Comparisons.Contains(node.Method.Name))
            {
                foreach (var operand in node.Arguments.Prepend(node.Object))
                {
                    if (operand is not null && Encrypted(operand) is { } name)
                    {
                        throw Refusal(name);
                    }
                }
            }
            return base.VisitMethodCall(node);
        }

        private string? Encrypted(Expression expression)
        {
            while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary)
            {
                expression = unary.Operand;
            }
            return expression is MemberExpression { Expression: { } owner } member
                && model.FindEntityType(owner.Type)?.FindProperty(member.Member.Name) is { } property
                && property.GetValueConverter() is EncryptedValueConverter
                    ? $"{owner.Type.Name}.{member.Member.Name}"
                    : null;
        }

        private static bool IsNull(Expression expression) =>
            expression is ConstantExpression { Value: null }
            || expression is UnaryExpression { Operand: ConstantExpression { Value: null } };

        private static InvalidOperationException Refusal(string name) =>
            new($"{name} is encrypted at rest: a query cannot compare it (it would match nothing). Compare its blind index (ADR 11).");
    }
}

/// <summary>A DbContext whose model holds <see cref="FieldEncryption"/> converters.</summary>
public interface IEncryptedFieldsContext
{
    FieldEncryption FieldEncryption { get; }
}

/// <summary>
/// EF Core builds a context type's model once and caches it; a model with encryption converters holds its keys, so
/// contexts with different keys (a test host each, or the design-time tools) must not share one.
/// </summary>
internal sealed class FieldEncryptionModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, (context as IEncryptedFieldsContext)?.FieldEncryption.ModelKey);
}
