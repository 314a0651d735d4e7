package org.pilotlifecycle.web;

import java.util.List;

import org.springframework.data.domain.Page;

/** A page of results in a stable JSON shape. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

  public static <T> PageView<T> of(Page<T> page) {
    return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
        page.getTotalPages());
  }
}
