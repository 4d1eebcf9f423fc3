package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PartitionTest {

    @Test
    void idsAndDnsSuffixes() {
        assertEquals("aws", Partition.AWS.id());
        assertEquals("aws-cn", Partition.AWS_CN.id());
        assertEquals("aws-us-gov", Partition.AWS_US_GOV.id());
        assertEquals("amazonaws.com", Partition.AWS.dnsSuffix());
        assertEquals("amazonaws.com.cn", Partition.AWS_CN.dnsSuffix());
        assertEquals("amazonaws.com", Partition.AWS_US_GOV.dnsSuffix());
    }

    @Test
    void fromIdFindsEachPartition() {
        for (Partition p : Partition.values()) {
            assertEquals(p, Partition.fromId(p.id()));
        }
    }

    @Test
    void unknownIdIsRefusedNamingTheKnownOnes() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Partition.fromId("AWS"));
        assertEquals("unknown partition 'AWS'; expected one of aws, aws-cn, aws-us-gov", e.getMessage());
    }
}
