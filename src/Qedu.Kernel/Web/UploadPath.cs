namespace Qedu.Kernel.Web;

/// <summary>
/// An API path that takes file uploads: the host's small JSON body limit does not apply there, because the endpoint
/// streams the body to disk and enforces its own, configurable limit with a message that says so.
/// </summary>
public sealed record UploadPath(string Prefix);
