package com.webinar.billing.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "app_user")
public class UserEntity {
    public enum Role {
        OWNER,
        MEMBER,
        SUB_ACCOUNT_USER
    }

    @Id
    public String id;

    @Column(name = "account_id")
    public String accountId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "sub_account_id")
    public UUID subAccountId;

    public String name;
}
