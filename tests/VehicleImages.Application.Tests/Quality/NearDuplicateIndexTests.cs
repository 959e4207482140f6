using System.Numerics;
using VehicleImages.Application.Quality;
using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Tests.Quality;

public sealed class NearDuplicateIndexTests
{
    private const ulong Hash = 0x9E37_79B9_7F4A_7C15;

    [Fact]
    public void An_empty_index_has_no_candidates()
    {
        Assert.Empty(new NearDuplicateIndex().Candidates(Hash, 7));
    }

    [Fact]
    public void The_same_hash_is_a_candidate_at_distance_zero()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);

        Assert.Equal([new ImageId(1)], index.Candidates(Hash, 0));
    }

    [Fact]
    public void A_hash_within_the_distance_is_a_candidate()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);

        Assert.Equal([new ImageId(1)], index.Candidates(Flip(Hash, 0, 17, 63), 4));
    }

    [Fact]
    public void A_hash_exactly_at_the_distance_is_a_candidate()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);

        Assert.Equal([new ImageId(1)], index.Candidates(Flip(Hash, 0, 17, 63), 3));
    }

    [Fact]
    public void A_hash_beyond_the_distance_is_not_a_candidate()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);

        Assert.Empty(index.Candidates(Flip(Hash, 0, 17, 40, 63), 3));
    }

    [Fact]
    public void An_unrelated_hash_is_not_a_candidate()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);

        Assert.Empty(index.Candidates(~Hash, 7));
    }

    [Fact]
    public void Every_hash_within_the_distance_is_a_candidate_and_no_other()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Flip(Hash, 1, 2, 3));
        index.Add(new ImageId(2), Flip(Hash, 4, 5, 6, 7, 8));
        index.Add(new ImageId(3), Flip(Hash, 9));
        index.Add(new ImageId(4), ~Hash);

        Assert.Equal([new ImageId(1), new ImageId(3)], index.Candidates(Hash, 3).OrderBy(id => id.Value));
    }

    [Fact]
    public void An_image_sharing_several_bands_with_the_hash_is_listed_once()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);

        Assert.Single(index.Candidates(Flip(Hash, 0), 7));
    }

    [Fact]
    public void The_closest_hash_comes_first_even_with_a_higher_id()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Flip(Hash, 1, 2, 3));
        index.Add(new ImageId(2), Flip(Hash, 4));
        index.Add(new ImageId(3), Flip(Hash, 5, 6));

        Assert.Equal([new ImageId(2), new ImageId(3), new ImageId(1)], index.Candidates(Hash, 7));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Equally_close_hashes_come_lowest_id_first_whatever_the_order_added(bool lowestFirst)
    {
        (ImageId Id, ulong Hash)[] entries = [(new ImageId(0x10), Flip(Hash, 8)), (new ImageId(0x30), Flip(Hash, 3)), (new ImageId(0x20), Flip(Hash, 60))];
        var index = new NearDuplicateIndex();
        foreach (var (id, hash) in lowestFirst ? entries : entries.Reverse())
        {
            index.Add(id, hash);
        }

        Assert.Equal([new ImageId(0x10), new ImageId(0x20), new ImageId(0x30)], index.Candidates(Hash, 7));
    }

    [Fact]
    public void Equally_close_hashes_come_lowest_id_first_even_when_a_higher_one_shares_more_bands()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(9), Flip(Hash, 0, 1));
        index.Add(new ImageId(4), Flip(Hash, 0, 8));

        Assert.Equal([new ImageId(4), new ImageId(9)], index.Candidates(Hash, 7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void A_hash_is_a_candidate_when_only_one_band_is_untouched(int untouched)
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);
        var query = Hash;
        for (var band = 0; band < 8; band++)
        {
            if (band != untouched)
            {
                query = Flip(query, (band * 8) + band);
            }
        }

        Assert.Equal([new ImageId(1)], index.Candidates(query, 7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Any_hash_within_seven_bits_gives_the_candidates_a_linear_scan_would(int bitsFlipped)
    {
        var random = new Random(1_000 + bitsFlipped);
        var index = new NearDuplicateIndex();
        var stored = new List<(ImageId Id, ulong Hash)>();
        for (var i = 0; i < 2_000; i++)
        {
            var entry = (new ImageId(random.NextInt64()), (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));
            stored.Add(entry);
            index.Add(entry.Item1, entry.Item2);
        }

        for (var trial = 0; trial < 500; trial++)
        {
            var (id, hash) = stored[random.Next(stored.Count)];
            var query = hash;
            foreach (var bit in Enumerable.Range(0, 64).OrderBy(_ => random.Next()).Take(bitsFlipped))
            {
                query = Flip(query, bit);
            }

            var expected = stored
                .Select(entry => (entry.Id, Distance: BitOperations.PopCount(entry.Hash ^ query)))
                .Where(entry => entry.Distance <= 7)
                .OrderBy(entry => entry.Distance)
                .ThenBy(entry => entry.Id.Value)
                .Select(entry => entry.Id);
            var candidates = index.Candidates(query, 7);
            Assert.Equal(expected, candidates);
            Assert.Contains(id, candidates);
        }
    }

    [Fact]
    public void A_distance_beyond_seven_bits_is_refused()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Candidates(Hash, 8));
    }

    [Fact]
    public void Seven_bits_is_the_largest_supported_distance()
    {
        Assert.Equal(7, NearDuplicateIndex.MaxSupportedDistance);
    }

    [Fact]
    public void Count_is_the_number_of_images_added()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(1), Hash);
        index.Add(new ImageId(2), ~Hash);
        index.Add(new ImageId(3), Hash);

        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void Images_added_from_several_threads_are_all_candidates()
    {
        var index = new NearDuplicateIndex();
        Parallel.For(0, 1_000, i => index.Add(new ImageId(i + 1), Hash ^ ((ulong)i << 16)));

        Assert.Equal(1_000, index.Count);
        Assert.All(Enumerable.Range(0, 1_000), i => Assert.Equal([new ImageId(i + 1)], index.Candidates(Hash ^ ((ulong)i << 16), 0)));
    }

    private static ulong Flip(ulong hash, params int[] bits) => bits.Aggregate(hash, (flipped, bit) => flipped ^ (1UL << bit));

    [Fact]
    public void An_id_added_with_two_hashes_ranks_by_its_closer_one()
    {
        var index = new NearDuplicateIndex();
        index.Add(new ImageId(2), 0b0011UL);
        index.Add(new ImageId(1), 0b0001UL);
        index.Add(new ImageId(2), 0b0000UL);

        Assert.Equal([new ImageId(2), new ImageId(1)], index.Candidates(0UL, 3));
    }
}
