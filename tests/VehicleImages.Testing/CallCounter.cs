using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace VehicleImages.Testing;

/// <summary>Wraps a real store in a <see cref="CallCounter{T}"/>.</summary>
public static class CallCounter
{
    /// <summary>The store wrapped, and the counter to read.</summary>
    public static (T Counted, CallCounter<T> Counter) Wrap<T>(T inner)
        where T : class
    {
        var counted = DispatchProxy.Create<T, CallCounter<T>>();
        var counter = (CallCounter<T>)(object)counted;
        counter.Inner = inner;
        return (counted, counter);
    }
}

/// <summary>
/// A real store behind its interface, counting the calls made to each member: to tell from the outside whether an
/// answer came from a cache or from the store, without timing anything and without a mock.
/// </summary>
public class CallCounter<T> : DispatchProxy
    where T : class
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    internal T? Inner { get; set; }

    /// <summary>How many times the member of this name has been called so far.</summary>
    public int Calls(string member) => _calls.GetValueOrDefault(member);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.AddOrUpdate(targetMethod.Name, 1, (_, n) => n + 1);
        try
        {
            return targetMethod.Invoke(Inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
