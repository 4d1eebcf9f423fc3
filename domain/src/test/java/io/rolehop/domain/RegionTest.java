package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {

    @ParameterizedTest
    @CsvSource({
        "us-east-1, AWS",
        "eu-west-2, AWS",
        "ap-southeast-5, AWS",
        "il-central-1, AWS",
        "cn-north-1, AWS_CN",
        "cn-northwest-1, AWS_CN",
        "us-gov-west-1, AWS_US_GOV",
        "us-gov-east-1, AWS_US_GOV"
    })
    void regionKnowsItsPartition(String code, Partition partition) {
        Region region = Region.of(code);
        assertEquals(code, region.code());
        assertEquals(code, region.toString());
        assertEquals(partition, region.partition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-iso-east-1", "us-isob-east-1", "eu-south-2", "ca-west-1"})
    void otherWellFormedCodesAreAccepted(String code) {
        assertEquals(code, Region.of(code).code());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "US-EAST-1",
                "us-east",
                "useast1",
                "us-east-1 ",
                " us-east-1",
                "us-east-123",
                "u-east-1",
                "us_east_1",
                "us-east-1\n"
            })
    void malformedCodesAreRefused(String code) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Region.of(code));
        assertEquals(
                "invalid region '" + Text.printable(code)
                        + "'; expected a region code such as us-east-1 or eu-west-2 (see 'rolehop region list')",
                e.getMessage());
    }

    @Test
    void nullIsRefusedAsRequired() {
        assertEquals(
                "region is required",
                assertThrows(InvalidValueException.class, () -> Region.of(null)).getMessage());
    }
}
