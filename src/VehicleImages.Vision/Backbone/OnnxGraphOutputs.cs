using System.Buffers;

namespace VehicleImages.Vision.Backbone;

/// <summary>
/// Exposes an intermediate tensor of an ONNX model as one more graph output, by appending an output entry to the
/// serialized graph. ONNX Runtime only returns graph outputs, and the packaged ResNet18 ends at the global average
/// pool, which throws away where things are in the frame; the view head needs the feature map before it.
/// Appending is enough because protobuf readers merge a repeated field's entries wherever they occur.
/// </summary>
internal static class OnnxGraphOutputs
{
    private const int GraphField = 7;          // ModelProto.graph
    private const int OutputField = 12;        // GraphProto.output
    private const int LengthDelimited = 2;
    private const int FloatElement = 1;        // TensorProto.DataType.FLOAT

    /// <summary>
    /// The model with one more output. The weights make up nearly all of its bytes, so they are copied once, straight
    /// into an array of the final size: the few fields that change are written around them.
    /// </summary>
    public static byte[] WithFloatOutput(byte[] model, string tensorName, IReadOnlyList<long> dimensions)
    {
        ArgumentNullException.ThrowIfNull(model);
        var position = 0;
        while (position < model.Length)
        {
            var start = position;
            var tag = ReadVarint(model, ref position);
            var (field, wireType) = ((int)(tag >> 3), (int)(tag & 7));
            SkipValue(model, ref position, wireType, out var valueStart);
            if (field == GraphField && wireType == LengthDelimited)
            {
                var output = new ProtoWriter();
                output.Message(OutputField, ValueInfo(tensorName, dimensions));
                var appended = output.ToArray();
                var header = new ProtoWriter();
                header.Header(GraphField, (ulong)(position - valueStart + appended.Length));
                var graphHeader = header.ToArray();

                var edited = new byte[start + graphHeader.Length + (position - valueStart) + appended.Length + (model.Length - position)];
                var at = 0;
                foreach (var piece in new[] { model.AsMemory(0, start), graphHeader, model.AsMemory(valueStart, position - valueStart), appended, model.AsMemory(position) })
                {
                    piece.Span.CopyTo(edited.AsSpan(at));
                    at += piece.Length;
                }

                return edited;
            }
        }

        throw new InvalidDataException("The file holds no ONNX graph.");
    }

    private static byte[] ValueInfo(string name, IReadOnlyList<long> dimensions)
    {
        var shape = new ProtoWriter();
        foreach (var dimension in dimensions)
        {
            var dim = new ProtoWriter();
            dim.Varint(1, (ulong)dimension);
            shape.Message(1, dim.ToArray());
        }

        var tensor = new ProtoWriter();
        tensor.Varint(1, FloatElement);
        tensor.Message(2, shape.ToArray());
        var type = new ProtoWriter();
        type.Message(1, tensor.ToArray());
        var info = new ProtoWriter();
        info.Message(1, System.Text.Encoding.UTF8.GetBytes(name));
        info.Message(2, type.ToArray());
        return info.ToArray();
    }

    private static ulong ReadVarint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                break;
            }

            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("The ONNX file ends inside a number.");
    }

    private static void SkipValue(byte[] bytes, ref int position, int wireType, out int valueStart)
    {
        switch (wireType)
        {
            case 0:
                valueStart = position;
                ReadVarint(bytes, ref position);
                break;
            case 1:
                valueStart = position;
                position += 8;
                break;
            case LengthDelimited:
                var length = (int)ReadVarint(bytes, ref position);
                valueStart = position;
                position += length;
                break;
            case 5:
                valueStart = position;
                position += 4;
                break;
            default:
                throw new InvalidDataException($"The ONNX file has a field of wire type {wireType}, which ONNX does not use.");
        }

        if (position > bytes.Length)
        {
            throw new InvalidDataException("The ONNX file is truncated.");
        }
    }

    private sealed class ProtoWriter
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();

        public void Varint(int field, ulong value)
        {
            WriteVarint((ulong)field << 3);
            WriteVarint(value);
        }

        public void Message(int field, byte[] content)
        {
            Header(field, (ulong)content.Length);
            _buffer.Write(content);
        }

        /// <summary>The tag and length of a length-delimited field, for a value written elsewhere.</summary>
        public void Header(int field, ulong length)
        {
            WriteVarint(((ulong)field << 3) | LengthDelimited);
            WriteVarint(length);
        }

        public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.Write([(byte)(value | 0x80)]);
                value >>= 7;
            }

            _buffer.Write([(byte)value]);
        }
    }
}
