module info.picocli {
    requires static java.sql;

    exports picocli;
}
