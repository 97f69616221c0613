namespace Qedu.Kernel.Files;

/// <summary>
/// Bounds on what an .xlsx may unpack to, checked before it is opened (a zip bomb is small on disk): the whole package,
/// and each part that is read whole rather than streamed. Configured by the importing module (the registry: <c>Registry:Import:MaxUnpackedBytes</c> and
/// <c>Registry:Import:MaxWholePartBytes</c>).
/// </summary>
public sealed record TableLimits(long MaxUnpackedBytes = 4L << 30, long MaxWholePartBytes = 256L << 20);
