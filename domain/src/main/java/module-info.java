/** Sessions, the assumer graph and the value objects of rolehop. Pure Java: no dependency at all. */
module io.rolehop.domain {
    exports io.rolehop.domain;
}
