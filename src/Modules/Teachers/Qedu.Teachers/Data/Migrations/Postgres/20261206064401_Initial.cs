using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "teachers");

            migrationBuilder.CreateTable(
                name: "backbone_awards",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    awarded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_backbone_awards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "establishment_quotas",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    quota = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_establishment_quotas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "honours",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    awarded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_honours", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "studios",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    host_staff_id = table.Column<long>(type: "bigint", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_studios", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "titles",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    title_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_titles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_registrations",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    certificate_id = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificate_registrations_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalSchema: "teachers",
                        principalTable: "certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "studio_members",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    studio_id = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_studio_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_studio_members_studios_studio_id",
                        column: x => x.studio_id,
                        principalSchema: "teachers",
                        principalTable: "studios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_backbone_awards_org_unit_id_level",
                schema: "teachers",
                table: "backbone_awards",
                columns: new[] { "org_unit_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_backbone_awards_staff_id",
                schema: "teachers",
                table: "backbone_awards",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificate_registrations_certificate_id_registered_on",
                schema: "teachers",
                table: "certificate_registrations",
                columns: new[] { "certificate_id", "registered_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificate_registrations_staff_id",
                schema: "teachers",
                table: "certificate_registrations",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_number",
                schema: "teachers",
                table: "certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_org_unit_id",
                schema: "teachers",
                table: "certificates",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_staff_id",
                schema: "teachers",
                table: "certificates",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_establishment_quotas_org_unit_id_year_subject",
                schema: "teachers",
                table: "establishment_quotas",
                columns: new[] { "org_unit_id", "year", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_honours_staff_id",
                schema: "teachers",
                table: "honours",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_studio_members_staff_id",
                schema: "teachers",
                table: "studio_members",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_studio_members_studio_id_staff_id_from",
                schema: "teachers",
                table: "studio_members",
                columns: new[] { "studio_id", "staff_id", "from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_studios_host_staff_id",
                schema: "teachers",
                table: "studios",
                column: "host_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_titles_staff_id_from",
                schema: "teachers",
                table: "titles",
                columns: new[] { "staff_id", "from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "backbone_awards",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "certificate_registrations",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "establishment_quotas",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "honours",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "studio_members",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "titles",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "certificates",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "studios",
                schema: "teachers");
        }
    }
}
