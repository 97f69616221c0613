using Microsoft.AspNetCore.Http;

namespace Qedu.Kernel.Web;

/// <summary>Input problems keyed by field (request field name, or "file:row:column"), each with messages in the caller's language.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, List<string>> ByField => _errors;

    public InputErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public string? First(string field) => _errors.TryGetValue(field, out var list) ? list[0] : null;

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>What a use case returns: a value, or why there is none. Endpoints turn it into HTTP; pages show it.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, InputErrors? Errors, string? Message)
{
    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> Invalid(InputErrors errors) => new(OutcomeKind.Invalid, default, errors, null);
    public static Outcome<T> NotFound(string message) => new(OutcomeKind.NotFound, default, null, message);
    public static Outcome<T> Conflict(string field, string message) =>
        new(OutcomeKind.Conflict, default, new InputErrors().Add(field, message), message);
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, null, message);

    /// <summary>The HTTP answer: the value (200, or 201 with a location), or a problem document with the messages.</summary>
    public IResult ToHttp(Func<T, IResult>? ok = null) => Kind switch
    {
        OutcomeKind.Ok => ok?.Invoke(Value!) ?? Results.Ok(Value),
        OutcomeKind.Invalid => Results.ValidationProblem(Errors!.ToDictionary(), statusCode: StatusCodes.Status400BadRequest),
        OutcomeKind.NotFound => Results.Problem(Message, statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Conflict => Results.ValidationProblem(Errors!.ToDictionary(), Message, statusCode: StatusCodes.Status409Conflict),
        OutcomeKind.Forbidden => Results.Problem(Message, statusCode: StatusCodes.Status403Forbidden),
        _ => throw new InvalidOperationException(),
    };
}
