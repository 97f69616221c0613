using Microsoft.Extensions.DependencyInjection;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// A scoped service resolved when first used rather than when its user is built. For the kernel's context in services
/// that a request often does not need: building a DbContext and its options took about 7 % of the web host's CPU on an
/// exchange-API read even when no query followed (issue 19's note).
/// </summary>
public sealed class Deferred<T>
    where T : notnull
{
    private readonly IServiceProvider? _services;
    private T? _value;

    public Deferred(IServiceProvider services) => _services = services;

    private Deferred(T value) => _value = value;

    /// <summary>One that is already there (tests, or a caller holding the service).</summary>
    public static Deferred<T> Of(T value) => new(value);

    public T Value => _value ??= _services!.GetRequiredService<T>();
}
