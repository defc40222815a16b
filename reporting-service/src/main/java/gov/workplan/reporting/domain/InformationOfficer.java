package gov.workplan.reporting.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A unit's information officer (信息员), who writes its reports. */
@Entity
@Table(name = "information_officer")
public class InformationOfficer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "information_officer_seq")
    @SequenceGenerator(name = "information_officer_seq", sequenceName = "information_officer_seq", allocationSize = 50)
    public Long id;

    public String unitCode;

    public String name;

    public String phone;

    public String email;

    public Instant registeredAt;

    public String registeredBy;
}
