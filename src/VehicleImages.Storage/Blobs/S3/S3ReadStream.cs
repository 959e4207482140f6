using Amazon.S3.Model;

namespace VehicleImages.Storage.Blobs.S3;

/// <summary>
/// A blob as a seekable stream that never holds the whole blob: bytes flow from one GET as the caller reads them, and
/// a seek makes the next read start a ranged GET at the new position. So a Range request for the tail of a 50 MB
/// original fetches the tail, not 50 MB. Each later GET must match the ETag of the first, so a blob replaced mid-read
/// fails the read rather than splicing two versions together.
/// </summary>
internal sealed class S3ReadStream : Stream
{
    public delegate Task<GetObjectResponse> RangeOpener(long offset, string eTag, CancellationToken cancellationToken);

    private readonly RangeOpener _openAt;
    private readonly string _eTag;
    private readonly TimeSpan _readTimeout;
    private GetObjectResponse? _response;
    private long _responsePosition;
    private long _position;

    // whole: the answer to a GET of the whole blob, whose body this stream reads first.
    public S3ReadStream(GetObjectResponse whole, RangeOpener openAt, TimeSpan readTimeout)
    {
        _response = whole;
        _eTag = whole.ETag;
        Length = whole.Headers.ContentLength;
        _openAt = openAt;
        _readTimeout = readTimeout;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        if (_response is null || _responsePosition != _position)
        {
            _response?.Dispose();
            _response = null;
            _response = await _openAt(_position, _eTag, cancellationToken);
            _responsePosition = _position;
        }

        // A server that stops sending mid-body must not hold the reader forever: each read gets the request deadline.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_readTimeout);
        int read;
        try
        {
            read = await _response.ResponseStream.ReadAsync(buffer, deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The S3 server sent no bytes of the blob for {_readTimeout.TotalSeconds:0.#} s.", e);
        }

        if (read == 0)
        {
            throw new IOException($"The S3 server ended the blob at byte {_position} of {Length}.");
        }

        _position += read;
        _responsePosition += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The SDK does only asynchronous I/O, so a synchronous reader waits on it, as it would on any network stream.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (position < 0)
        {
            throw new IOException("Cannot seek before the start of the blob.");
        }

        _position = position;
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _response?.Dispose();
            _response = null;
        }

        base.Dispose(disposing);
    }
}
