package com.webinar.billing.model;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SubAccountErasureRepository implements PanacheRepositoryBase<SubAccountErasureEntity, UUID> {}
