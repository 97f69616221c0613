namespace Qedu.Kernel.Access;

/// <summary>Claims Qedu puts in its tokens.</summary>
public static class QeduClaims
{
    /// <summary>"user" or "client": who a token speaks for.</summary>
    public const string Actor = "qedu_actor";

    /// <summary>The org unit code a client is bound to.</summary>
    public const string Org = "qedu_org";

    /// <summary>Property of an OpenID Connect application holding the org unit code it is bound to.</summary>
    public const string ClientOrgProperty = "qedu_org";
}
